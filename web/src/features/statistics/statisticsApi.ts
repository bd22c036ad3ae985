// Typed calls of the statistics routes (issue 7), all through apiFetch but the crime-figure import,
// whose body is the CSV file itself (text/csv, with the CSRF token as every write). Download links
// (CSV, JSON) are plain same-origin URLs: the browser sends the session cookie, the server audits each.
import { apiFetch, getCsrfToken, withQuery } from '../../api/client';
import { networkError, parseProblem } from '../../api/problem';
import type {
  AnnualReport, Catalogue, ImportAnswer, Indicators, OwnFigures, OwnQuery, Publication, PublishAnswer,
  PublishedTable, ReleaseLogEntry, TableQuery, TableSet,
} from './statisticsTypes';

type Sig = AbortSignal | undefined;
const S = '/api/v1/statistics';

const tablePath = (id: string) => `${S}/tables/${encodeURIComponent(id)}`;
const tableParams = (q: TableQuery) => ({ year: q.year, series: q.series, area: q.area });

export const statisticsApi = {
  catalogue: (signal?: Sig) => apiFetch<Catalogue>(`${S}/catalogue`, { signal }),
  publications: (signal?: Sig) => apiFetch<{ items: Publication[] }>(`${S}/publications`, { signal }),
  releases: (year: number | undefined, signal?: Sig) =>
    apiFetch<{ items: ReleaseLogEntry[] }>(withQuery(`${S}/releases`, { year }), { signal }),
  table: (id: string, q: TableQuery, signal?: Sig) =>
    apiFetch<PublishedTable>(withQuery(tablePath(id), tableParams(q)), { signal }),
  indicators: (year: number, area: string | undefined, signal?: Sig) =>
    apiFetch<Indicators>(withQuery(`${S}/indicators`, { year, area }), { signal }),
  hotline: (year: number, signal?: Sig) => apiFetch<TableSet>(withQuery(`${S}/hotline`, { year }), { signal }),
  eu: (year: number, signal?: Sig) => apiFetch<TableSet>(withQuery(`${S}/eu`, { year }), { signal }),
  annualReport: (year: number, signal?: Sig) =>
    apiFetch<AnnualReport>(withQuery(`${S}/annual-report`, { year }), { signal }),
  own: (q: OwnQuery, signal?: Sig) =>
    apiFetch<OwnFigures>(withQuery(`${S}/own`, { from: q.from, to: q.to, rows: q.rows, columns: q.columns }), { signal }),
  hotlineOwn: (q: OwnQuery, signal?: Sig) =>
    apiFetch<OwnFigures>(withQuery(`${S}/hotline/own`, { from: q.from, to: q.to, by: q.by }), { signal }),
  publish: (year: number) => apiFetch<PublishAnswer>(`${S}/publications`, { method: 'POST', body: { year } }),
};

/** Where to download published figures: one table as CSV or JSON, the EU table, the annual report. */
export const downloads = {
  tableCsv: (id: string, q: TableQuery) => withQuery(`${tablePath(id)}.csv`, tableParams(q)),
  tableJson: (id: string, q: TableQuery) => withQuery(tablePath(id), tableParams(q)),
  euCsv: (year: number) => withQuery(`${S}/eu.csv`, { year }),
  reportCsv: (year: number) => withQuery(`${S}/annual-report.csv`, { year }),
  reportJson: (year: number) => withQuery(`${S}/annual-report.json`, { year }),
};

/** Sends a crime-statistics CSV file as it is (text/csv); resolves with the import, rejects with ApiError. */
export async function importCrimeFigures(file: Blob): Promise<ImportAnswer> {
  const headers = new Headers({ Accept: 'application/json, application/problem+json', 'Content-Type': 'text/csv' });
  const csrf = getCsrfToken();
  if (csrf) headers.set('X-CSRF-Token', csrf);
  let res: Response;
  try {
    res = await fetch(`${S}/crime-figures`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch (e) {
    throw networkError(e);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    body = null;
  }
  if (!res.ok) throw parseProblem(res.status, body, res.headers.get('X-Request-Id'));
  return body as ImportAnswer;
}
