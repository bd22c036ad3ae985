// The map's colour scale: presumed victims per 100,000 inhabitants in five classes of equal width from
// 0 to a rounded maximum, so that the same colour means the same range on every county. A hidden rate
// and an unknown one are classes of their own (hatched and grey), never a shade. Pure.
import type { Rate } from './statisticsTypes';

export const SHADES = 5;

export type MapClass = { kind: 'shade'; index: number } | { kind: 'suppressed' } | { kind: 'unknown' };

export interface ColourScale {
  /** Upper bounds of the classes, ascending; the last is the scale's maximum. */
  bounds: number[];
  classify: (rate: Rate | undefined) => MapClass;
}

/** The smallest of 1, 2, 2.5 or 5 times a power of ten that is ≥ n (n > 0). */
export function niceCeiling(n: number): number {
  if (!(n > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= n - 1e-9) return step * power;
  }
  return 10 * power;
}

/** Classes for the shown rates; hidden and unknown ones do not move the scale. */
export function colourScale(rates: readonly (Rate | undefined)[]): ColourScale {
  const shown = rates.flatMap((r) => (r?.status === 'shown' ? [r.value] : []));
  const max = niceCeiling(Math.max(0, ...shown));
  const width = max / SHADES;
  const bounds = Array.from({ length: SHADES }, (_, k) => Number(((k + 1) * width).toPrecision(12)));
  return {
    bounds,
    classify: (rate) => {
      if (!rate || rate.status === 'unknown') return { kind: 'unknown' };
      if (rate.status === 'suppressed') return { kind: 'suppressed' };
      const index = bounds.findIndex((b) => rate.value <= b);
      return { kind: 'shade', index: index === -1 ? SHADES - 1 : index };
    },
  };
}

/** The CSS class of a map class (statistics.css). */
export function mapClassName(c: MapClass): string {
  if (c.kind === 'shade') return `shade-${c.index}`;
  return c.kind === 'suppressed' ? 'shade-suppressed' : 'shade-unknown';
}
