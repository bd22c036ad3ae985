// Equirectangular projection of lon/lat into SVG coordinates, x scaled by cos(62°) so Sweden keeps its shape.
import type { Geometry, Position } from '../../api/types';

/** The latitude where the projection keeps true proportions: the middle of Sweden. */
export const REFERENCE_LATITUDE = 62;
const X_SCALE = Math.cos((REFERENCE_LATITUDE * Math.PI) / 180);

export type Point = readonly [number, number];

/** Projects [lon, lat] to an unscaled plane where y grows southwards (SVG's direction). */
export function project(position: Position): Point {
  return [position[0] * X_SCALE, -position[1]];
}

/** Every ring of a Polygon or MultiPolygon: outer boundaries and holes alike. */
export function ringsOf(geometry: Geometry): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The projected bounding box of all geometries. REQUIRES: at least one position. */
export function boundsOf(geometries: readonly Geometry[]): Bounds {
  const b: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const g of geometries) {
    for (const ring of ringsOf(g)) {
      for (const pos of ring) {
        const [x, y] = project(pos);
        b.minX = Math.min(b.minX, x);
        b.minY = Math.min(b.minY, y);
        b.maxX = Math.max(b.maxX, x);
        b.maxY = Math.max(b.maxY, y);
      }
    }
  }
  return b;
}

export interface Fit {
  width: number;
  height: number;
  /** Maps [lon, lat] to SVG user units inside 0..width × 0..height. */
  toSvg: (position: Position) => Point;
}

/** Scales the bounds to `width` user units (plus padding on every side), keeping the aspect ratio. */
export function fitToWidth(bounds: Bounds, width: number, padding = 0): Fit {
  const spanX = bounds.maxX - bounds.minX || 1;
  const spanY = bounds.maxY - bounds.minY || 1;
  const scale = (width - 2 * padding) / spanX;
  const height = spanY * scale + 2 * padding;
  return {
    width,
    height,
    toSvg: (pos) => {
      const [x, y] = project(pos);
      return [(x - bounds.minX) * scale + padding, (y - bounds.minY) * scale + padding];
    },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** An SVG path `d` for the geometry: one closed subpath per ring, points rounded to 0.1 and deduplicated. */
export function pathFor(geometry: Geometry, fit: Fit): string {
  const parts: string[] = [];
  for (const ring of ringsOf(geometry)) {
    let last = '';
    const pts: string[] = [];
    for (const pos of ring) {
      const [x, y] = fit.toSvg(pos);
      const p = `${round(x)} ${round(y)}`;
      if (p !== last) pts.push(p);
      last = p;
    }
    if (pts.length >= 3) parts.push(`M${pts.join('L')}Z`);
  }
  return parts.join('');
}
