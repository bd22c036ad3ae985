// The audit viewer's filters live in the URL; times as the user typed them (local date and time).
import type { AuditQuery } from '../../api/accountTypes';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  /** datetime-local values, "2026-11-28T21:00", in the browser's time zone. */
  from: string;
  to: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  organisation: string;
  page: number;
}

const PARAM: Record<Exclude<keyof AuditFilters, 'page'>, string> = {
  from: 'from',
  to: 'to',
  actor: 'actor',
  action: 'action',
  objectType: 'object_type',
  objectId: 'object_id',
  organisation: 'organisation',
};

export function auditFiltersFromParams(p: URLSearchParams): AuditFilters {
  const page = Number(p.get('page') ?? '1');
  const f = { page: Number.isInteger(page) && page >= 1 ? page - 1 : 0 } as AuditFilters;
  for (const [k, name] of Object.entries(PARAM) as [keyof typeof PARAM, string][]) f[k] = p.get(name) ?? '';
  return f;
}

export function paramsFromAuditFilters(f: AuditFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, name] of Object.entries(PARAM) as [keyof typeof PARAM, string][]) {
    const v = f[k].trim();
    if (v) p.set(name, v);
  }
  if (f.page > 0) p.set('page', String(f.page + 1));
  return p;
}

/** A datetime-local value as an RFC 3339 instant; undefined when empty or not a time. */
export function instant(local: string): string | undefined {
  if (!local.trim()) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function auditApiQuery(f: AuditFilters): AuditQuery {
  return {
    from: instant(f.from),
    to: instant(f.to),
    actor: f.actor.trim() || undefined,
    action: f.action.trim() || undefined,
    object_type: f.objectType.trim() || undefined,
    object_id: f.objectId.trim() || undefined,
    organisation_id: f.organisation || undefined,
    limit: AUDIT_PAGE_SIZE,
    offset: f.page * AUDIT_PAGE_SIZE,
  };
}
