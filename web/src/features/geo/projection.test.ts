import { describe, expect, it } from 'vitest';
import type { Geometry } from '../../api/types';
import { boundsOf, fitToWidth, pathFor, project, REFERENCE_LATITUDE } from './projection';

const square: Geometry = {
  type: 'Polygon',
  coordinates: [[[10, 60], [12, 60], [12, 62], [10, 62], [10, 60]]],
};

describe('project', () => {
  it('scales longitude by cos(62°) and flips latitude so north is up', () => {
    const [x, y] = project([20, 65]);
    expect(x).toBeCloseTo(20 * Math.cos((REFERENCE_LATITUDE * Math.PI) / 180), 10);
    expect(x).toBeCloseTo(9.3894, 3);
    expect(y).toBe(-65);
  });

  it('keeps a degree of latitude longer than a degree of longitude, as in Sweden', () => {
    const [x0, y0] = project([15, 62]);
    const [x1, y1] = project([16, 63]);
    expect(Math.abs(y1 - y0)).toBeGreaterThan(Math.abs(x1 - x0) * 2);
  });
});

describe('boundsOf and fitToWidth', () => {
  it('fits the bounds into the width with the aspect ratio kept', () => {
    const bounds = boundsOf([square]);
    const fit = fitToWidth(bounds, 100);
    const k = Math.cos((62 * Math.PI) / 180);
    expect(fit.width).toBe(100);
    expect(fit.height).toBeCloseTo(100 * (2 / (2 * k)), 6);
    expect(fit.toSvg([10, 62])).toEqual([0, 0]);
    const [x, y] = fit.toSvg([12, 60]);
    expect(x).toBeCloseTo(100, 9);
    expect(y).toBeCloseTo(fit.height, 9);
  });

  it('leaves the padding free on every side', () => {
    const fit = fitToWidth(boundsOf([square]), 120, 10);
    expect(fit.toSvg([10, 62])).toEqual([10, 10]);
    expect(fit.toSvg([12, 62])[0]).toBeCloseTo(110, 9);
  });

  it('covers every part of a MultiPolygon', () => {
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [square.coordinates, [[[20, 68], [21, 68], [21, 69], [20, 68]]]],
    };
    const b = boundsOf([multi]);
    expect(b.minY).toBe(-69);
    expect(b.maxY).toBe(-60);
    expect(b.maxX).toBeCloseTo(21 * Math.cos((62 * Math.PI) / 180), 9);
  });
});

describe('pathFor', () => {
  it('draws one closed subpath per ring, rounded to 0.1 and without repeated points', () => {
    const fit = fitToWidth(boundsOf([square]), 100);
    const d = pathFor(square, fit);
    expect(d.startsWith(`M0 ${Math.round(fit.height * 10) / 10}L`)).toBe(true);
    expect(d).toContain('L0 0');
    expect(d.endsWith('Z')).toBe(true);
    expect(d.match(/M/g)).toHaveLength(1);
    expect(d).not.toMatch(/\d\.\d\d/);
  });

  it('drops rings that collapse below three distinct points', () => {
    const tiny: Geometry = {
      type: 'MultiPolygon',
      coordinates: [square.coordinates, [[[11, 61], [11.00001, 61], [11, 61.00001], [11, 61]]]],
    };
    const d = pathFor(tiny, fitToWidth(boundsOf([square]), 100));
    expect(d.match(/M/g)).toHaveLength(1);
  });
});
