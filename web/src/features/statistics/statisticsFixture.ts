// Synthetic statistics answers for the page tests: a published table, the catalogue, the publications,
// a county map; never a real figure.
import type { Handler, Reply } from '../../test/fakeApi';
import type { Cell, PublishedTable } from './statisticsTypes';

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const n = (value: number): Cell => ({ status: 'shown', value });
export const HIDDEN: Cell = { status: 'suppressed' };
export const BLANK: Cell = { status: 'unknown' };

/** Police region Nord by gender: one hidden pair, one unknown, one zero. */
export function table(over: Partial<PublishedTable> = {}): PublishedTable {
  return {
    id: 'victims.police_region.gender',
    year: 2025,
    series: 'regional_coordinator',
    release: { number: 1, published_at: '2026-02-01T10:00:00Z' },
    area: { level: 'national', code: '' },
    policy: { threshold: 11, rounding_base: 1 },
    rows: { dimension: 'police_region', keys: ['nord', 'unknown'] },
    columns: { dimension: 'gender', keys: ['woman', 'man', 'girl'] },
    cells: [[n(40), HIDDEN, n(0)], [n(12), HIDDEN, BLANK]],
    row_totals: [n(52), n(19)],
    column_totals: [n(52), n(19), BLANK],
    total: n(71),
    rows_add_up: true,
    columns_add_up: true,
    rates_per_100000: [n(20.93), BLANK],
    official: false,
    ...over,
  };
}

/** Counties 25 (shown rate) and 01 (hidden rate), by presumed victims. */
export function countyTable(): PublishedTable {
  return table({
    id: 'victims.county',
    rows: { dimension: 'county', keys: ['01', '25'] },
    columns: { dimension: 'total', keys: ['total'] },
    cells: [[HIDDEN], [n(30)]],
    row_totals: [HIDDEN, n(30)],
    column_totals: [n(45)],
    total: n(45),
    rates_per_100000: [HIDDEN, n(12.07)],
  });
}

const square = (x: number, y: number): [number, number][][] => [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]];

export const countyMap = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '01', name: 'Stockholms län', letter: 'AB', police_region: 'stockholm' }, geometry: { type: 'Polygon', coordinates: square(18, 59) } },
    { type: 'Feature', properties: { code: '25', name: 'Norrbottens län', letter: 'BD', police_region: 'nord' }, geometry: { type: 'Polygon', coordinates: square(20, 66) } },
  ],
};

export const catalogue = {
  tables: [
    { id: 'victims.police_region.gender', group: 'victims', rows: 'police_region', columns: 'gender' },
    { id: 'victims.county', group: 'victims', rows: 'county', columns: 'total' },
    { id: 'hotline.week', group: 'hotline', rows: 'week', columns: 'total' },
  ],
  series: ['regional_coordinator', 'ngo_shelter'],
  dimensions: ['month', 'police_region', 'gender'],
  policy: { threshold: 11, rounding_base: 1 },
};

export const publications = {
  items: [
    { year: 2025, release: 2, published_at: '2026-02-03T10:00:00Z', published_by_organisation: 'Nationella enheten' },
    { year: 2024, release: 1, published_at: '2025-02-01T10:00:00Z', published_by_organisation: 'Nationella enheten' },
  ],
};

/** Answers the statistics routes with the fixtures above; `more` goes first. */
export function statsApi(more: Handler = () => undefined): Handler {
  return (method, path, body) => {
    const own = more(method, path, body);
    if (own) return own;
    if (method !== 'GET') return undefined;
    if (path === '/api/v1/statistics/publications') return ok(publications);
    if (path === '/api/v1/statistics/catalogue') return ok(catalogue);
    if (path === '/api/v1/statistics/tables/victims.county') return ok(countyTable());
    if (path.startsWith('/api/v1/statistics/tables/')) return ok(table());
    if (path === '/api/v1/geo/maps/counties') return ok(countyMap);
    if (path === '/api/v1/statistics/releases') return ok({ items: [] });
    if (path === '/api/v1/statistics/indicators') {
      return ok({ year: 2025, area: 'national', indicators: table({ id: 'indicators.police_region' }), trend: [
        { year: 2024, victims: n(60), per_100000: n(0.57) },
        { year: 2025, victims: HIDDEN, per_100000: HIDDEN },
      ] });
    }
    return undefined;
  };
}
