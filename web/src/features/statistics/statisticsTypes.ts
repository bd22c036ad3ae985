// The shapes of the statistics API (docs/design/statistics-api.md): published tables after disclosure
// control, and the own-figures tables that are never published. Labels are not in the answers: the app
// translates dimension and category keys (labels.ts).

/** One published cell: a value after rounding (0 = known to be none), hidden, or not known. */
export type Cell = { status: 'shown'; value: number } | { status: 'suppressed' } | { status: 'unknown' };

/** A rate or a share has the cell's shape: shown with its value, suppressed with its numerator, or unknown. */
export type Rate = Cell;

export interface Axis {
  dimension: string;
  keys: string[];
}

export interface Release {
  number: number;
  published_at: string;
}

export interface Area {
  level: 'national' | 'police_region' | 'county';
  code: string;
}

export interface DisclosurePolicy {
  threshold: number;
  rounding_base: number;
}

export interface PublishedTable {
  id: string;
  year: number;
  series: string;
  release: Release;
  area: Area;
  policy: DisclosurePolicy;
  rows: Axis;
  columns: Axis;
  cells: Cell[][];
  row_totals: Cell[];
  column_totals: Cell[];
  total: Cell;
  rows_add_up: boolean;
  columns_add_up: boolean;
  rates_per_100000?: Rate[];
  shares?: { base: string; columns: Record<string, Rate[]> };
  official: boolean;
}

export interface CatalogueEntry {
  id: string;
  group: string;
  rows: string;
  columns: string;
}

export interface Catalogue {
  tables: CatalogueEntry[];
  series: string[];
  dimensions: string[];
  policy: DisclosurePolicy;
}

export interface Publication {
  year: number;
  release: number;
  published_at: string;
  published_by_organisation?: string;
  /** Every release of the year, the latest included. */
  releases?: { number: number; published_at: string }[];
}

export interface ReleaseLogEntry {
  year: number;
  number: number;
  published_at: string;
  tables: number;
  by_organisation: string;
}

export interface TrendPoint {
  year: number;
  victims: Cell;
  per_100000: Rate;
}

export interface Indicators {
  year: number;
  area: Area | string;
  indicators: PublishedTable;
  trend: TrendPoint[];
}

export interface TableSet {
  tables: PublishedTable[];
}

export interface ReportSection {
  id: string;
  caption: { sv: string; en: string };
  table: PublishedTable;
}

export interface AnnualReport {
  year: number;
  sections: ReportSection[];
}

/** Exact figures of one's own organisation: plain numbers, null = not known. Never published or exported. */
export interface OwnFigures {
  not_for_publication: true;
  organisation: string;
  rows: Axis;
  columns: Axis;
  cells: (number | null)[][];
  row_totals: (number | null)[];
  column_totals: (number | null)[];
  total: number | null;
}

export interface OwnQuery {
  from: string;
  to: string;
  rows?: string;
  columns?: string;
  by?: string;
}

export interface PublishAnswer {
  year: number;
  release: number;
  tables: number;
}

export interface ImportAnswer {
  imported: number;
  years: number[];
}

/** Which published table to read: year, series and area ("" = national, "police_region/nord", "county/25"). */
export interface TableQuery {
  year: number;
  series?: string;
  area?: string;
}
