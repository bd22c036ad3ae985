// How the statistics' keys read in the user's language: dimensions, categories, series, table ids and
// areas. The server sends keys only (docs/design/statistics-api.md). A key the dictionaries lack reads
// as itself with its underscores as spaces, so a new category shows up readable rather than blank. Pure.
import type { I18n } from '../../i18n/context';
import type { County, PoliceRegion } from '../../api/types';

type T = Pick<I18n, 'tDynamic' | 'lang'>;

/** Places by code, for rows that are police regions or counties. */
export interface Places {
  region: (id: string) => PoliceRegion | undefined;
  county: (code: string) => County | undefined;
}

const readable = (key: string) => key.replace(/_/g, ' ');

// Categories some other feature already names (cases, exploitation, hotline), by dimension.
const ELSEWHERE: Record<string, string> = {
  case_type: 'caseType',
  form: 'exploitation.form',
  sector: 'exploitation.sector',
  topic: 'hotline.topic',
  channel: 'hotline.channel',
  professional: 'kind',
  organisation_kind: 'kind',
};

export const dimensionLabel = (i: T, dim: string) => i.tDynamic(`stats.dim.${dim}`, readable(dim));
/** A series is named after the kind of organisation whose records it counts. */
export const seriesLabel = (i: T, series: string) =>
  i.tDynamic(`stats.series.${series}`, i.tDynamic(`kind.${series}`, readable(series)));
export const groupLabel = (i: T, group: string) => i.tDynamic(`stats.group.${group}`, readable(group));

/** A category of `dim`: a police region or county by name, else the statistics' words, else another feature's. */
export function categoryLabel(i: T, dim: string, key: string, places?: Places): string {
  if (key === 'unknown') return i.tDynamic('stats.cat.unknown', key);
  if (dim === 'police_region' && places) {
    const r = places.region(key);
    if (r) return i.lang === 'en' ? r.name_en : r.name;
  }
  if (dim === 'county' && places) {
    const c = places.county(key);
    if (c) return c.name;
  }
  const own = i.tDynamic(`stats.cat.${dim}.${key}`, '');
  if (own) return own;
  const prefix = ELSEWHERE[dim];
  if (prefix) return i.tDynamic(`${prefix}.${key}`, readable(key));
  if (dim === 'outcome') return i.tDynamic(`work.closure.${key}`, i.tDynamic(`stats.cat.outcome.${key}`, readable(key)));
  return readable(key);
}

/** A table's title from its id ("victims.police_region.gender"): its own name if it has one, else "rows by columns". */
export function tableTitle(i: T, id: string, rows?: string, columns?: string): string {
  const named = i.tDynamic(`stats.table.${id}`, '');
  if (named) return named;
  if (rows && columns) return i.tDynamic('stats.table.byline', `${rows} × ${columns}`, { rows: dimensionLabel(i, rows), columns: dimensionLabel(i, columns) });
  return readable(id);
}

/** "police_region/nord" → "Polisregion Nord"; "" → the whole country. */
export function areaLabel(i: T, area: string, places?: Places): string {
  if (!area || area === 'national') return i.tDynamic('stats.area.national', 'Sweden');
  const [level = '', code = ''] = area.split('/');
  return categoryLabel(i, level, code, places);
}
