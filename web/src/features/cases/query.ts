// The case list's filters live in the URL (?status=&type=&page=).
import { CASE_STATUSES, CASE_TYPES, type CaseQuery } from '../../api/caseTypes';

export const CASE_PAGE_SIZE = 20;

export interface CaseFilters {
  /** '' for every status. */
  status: string;
  /** '' for every type. */
  type: string;
  page: number;
}

export function caseFiltersFromParams(p: URLSearchParams): CaseFilters {
  const page = Number(p.get('page') ?? '1');
  const status = p.get('status') ?? '';
  const type = p.get('type') ?? '';
  return {
    status: (CASE_STATUSES as readonly string[]).includes(status) ? status : '',
    type: (CASE_TYPES as readonly string[]).includes(type) ? type : '',
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
  };
}

export function paramsFromCaseFilters(f: CaseFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.type) p.set('type', f.type);
  if (f.page > 0) p.set('page', String(f.page + 1));
  return p;
}

export function caseApiQuery(f: CaseFilters): CaseQuery {
  return {
    status: f.status || undefined,
    type: f.type || undefined,
    limit: CASE_PAGE_SIZE,
    offset: f.page * CASE_PAGE_SIZE,
  };
}

/** Whether any filter narrows the list (an empty answer then means "nothing matches", not "no cases"). */
export function isFiltered(f: CaseFilters): boolean {
  return Boolean(f.status || f.type);
}
