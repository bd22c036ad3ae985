// The directory's filters live in the URL (?q=&kind=&municipality=&service=&active=&page=).
import type { ActiveFilter, OrganisationQuery } from '../../api/types';

export const PAGE_SIZE = 20;

export interface DirectoryFilters {
  q: string;
  kind: string;
  municipality: string;
  service: string;
  active: ActiveFilter;
  page: number;
}

function activeOf(v: string | null): ActiveFilter {
  return v === 'false' || v === 'all' ? v : 'true';
}

export function filtersFromParams(p: URLSearchParams): DirectoryFilters {
  const page = Number(p.get('page') ?? '1');
  return {
    q: p.get('q') ?? '',
    kind: p.get('kind') ?? '',
    municipality: p.get('municipality') ?? '',
    service: p.get('service') ?? '',
    active: activeOf(p.get('active')),
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
  };
}

/** URL parameters for the filters; defaults are left out so URLs stay short. */
export function paramsFromFilters(f: DirectoryFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.kind) p.set('kind', f.kind);
  if (f.municipality) p.set('municipality', f.municipality);
  if (f.service) p.set('service', f.service);
  if (f.active !== 'true') p.set('active', f.active);
  if (f.page > 0) p.set('page', String(f.page + 1));
  return p;
}

export function apiQuery(f: DirectoryFilters): OrganisationQuery {
  return {
    q: f.q.trim() || undefined,
    kind: f.kind || undefined,
    municipality: f.municipality || undefined,
    service: f.service || undefined,
    active: f.active,
    limit: PAGE_SIZE,
    offset: f.page * PAGE_SIZE,
  };
}
