// The user list's filters live in the URL (?q=&role=&active=&organisation=&page=).
import type { UserQuery } from '../../api/accountTypes';

export const USER_PAGE_SIZE = 20;

export interface UserFilters {
  q: string;
  role: string;
  /** '' for both. */
  active: '' | 'true' | 'false';
  organisation: string;
  page: number;
}

export function userFiltersFromParams(p: URLSearchParams): UserFilters {
  const page = Number(p.get('page') ?? '1');
  const active = p.get('active');
  return {
    q: p.get('q') ?? '',
    role: p.get('role') ?? '',
    active: active === 'true' || active === 'false' ? active : '',
    organisation: p.get('organisation') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
  };
}

export function paramsFromUserFilters(f: UserFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.role) p.set('role', f.role);
  if (f.active) p.set('active', f.active);
  if (f.organisation) p.set('organisation', f.organisation);
  if (f.page > 0) p.set('page', String(f.page + 1));
  return p;
}

export function userApiQuery(f: UserFilters): UserQuery {
  return {
    q: f.q.trim() || undefined,
    role: f.role || undefined,
    active: f.active || undefined,
    organisation_id: f.organisation || undefined,
    limit: USER_PAGE_SIZE,
    offset: f.page * USER_PAGE_SIZE,
  };
}
