// The inbox's filters live in the URL (/referrals/inbox?status=sent&purpose=shelter&from=<org>&due_by=…&page=2). Pure.
import type { InboxQuery } from '../../api/referralTypes';

export const INBOX_PAGE_SIZE = 50;

export interface InboxFilters {
  status: string;
  purpose: string;
  from: string;
  dueBy: string;
  page: number;
}

export function inboxFiltersFromParams(p: URLSearchParams): InboxFilters {
  const page = Number(p.get('page') ?? '1');
  return {
    status: p.get('status') ?? '',
    purpose: p.get('purpose') ?? '',
    from: p.get('from') ?? '',
    dueBy: p.get('due_by') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
  };
}

export function paramsFromInboxFilters(f: InboxFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.purpose) p.set('purpose', f.purpose);
  if (f.from) p.set('from', f.from);
  if (f.dueBy) p.set('due_by', f.dueBy);
  if (f.page > 0) p.set('page', String(f.page + 1));
  return p;
}

export function inboxApiQuery(f: InboxFilters): InboxQuery {
  return {
    status: f.status || undefined,
    purpose: f.purpose || undefined,
    from: f.from || undefined,
    due_by: f.dueBy || undefined,
    limit: INBOX_PAGE_SIZE,
    offset: f.page * INBOX_PAGE_SIZE,
  };
}
