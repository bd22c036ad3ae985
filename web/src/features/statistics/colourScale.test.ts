import { describe, expect, it } from 'vitest';
import { colourScale, mapClassName, niceCeiling } from './colourScale';

describe('the map colour scale', () => {
  it('rounds the maximum up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(0.7)).toBe(1);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(1.2)).toBe(2);
    expect(niceCeiling(2.3)).toBe(2.5);
    expect(niceCeiling(4.9)).toBe(5);
    expect(niceCeiling(7.66)).toBe(10);
    expect(niceCeiling(120)).toBe(200);
  });

  it('puts shown rates into five classes of equal width from 0', () => {
    const scale = colourScale([
      { status: 'shown', value: 0 }, { status: 'shown', value: 2.4 }, { status: 'shown', value: 9.9 },
    ]);
    expect(scale.bounds).toEqual([2, 4, 6, 8, 10]);
    expect(scale.classify({ status: 'shown', value: 0 })).toEqual({ kind: 'shade', index: 0 });
    expect(scale.classify({ status: 'shown', value: 2 })).toEqual({ kind: 'shade', index: 0 });
    expect(scale.classify({ status: 'shown', value: 2.4 })).toEqual({ kind: 'shade', index: 1 });
    expect(scale.classify({ status: 'shown', value: 9.9 })).toEqual({ kind: 'shade', index: 4 });
  });

  it('never shades a hidden or unknown rate, and they do not move the scale', () => {
    const scale = colourScale([{ status: 'shown', value: 3 }, { status: 'suppressed' }, { status: 'unknown' }]);
    expect(scale.bounds.at(-1)).toBe(5);
    expect(mapClassName(scale.classify({ status: 'suppressed' }))).toBe('shade-suppressed');
    expect(mapClassName(scale.classify({ status: 'unknown' }))).toBe('shade-unknown');
    expect(mapClassName(scale.classify(undefined))).toBe('shade-unknown');
    expect(mapClassName(scale.classify({ status: 'shown', value: 3 }))).toBe('shade-2');
  });

  it('copes with no shown rate at all', () => {
    const scale = colourScale([{ status: 'suppressed' }]);
    expect(scale.bounds).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });
});
