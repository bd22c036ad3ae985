// The queue's view, filters and page live in the URL (?view=&topic=&municipality=&channel=&from=&to=&page=).
import { CHANNELS, QUEUE_VIEWS, TOPICS, type ConsultationSummary, type QueueQuery, type QueueView } from './hotlineTypes';

export const QUEUE_PAGE_SIZE = 50;

export interface QueueFilters {
  view: QueueView;
  topic: string;
  municipality: string;
  channel: string;
  from: string;
  to: string;
  page: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = (list: readonly string[], v: string | null) => (v && list.includes(v) ? v : '');

export function queueFiltersFromParams(p: URLSearchParams): QueueFilters {
  const page = Number(p.get('page') ?? '1');
  const view = oneOf(QUEUE_VIEWS, p.get('view'));
  return {
    view: (view || 'new') as QueueView,
    topic: oneOf(TOPICS, p.get('topic')),
    municipality: /^\d{4}$/.test(p.get('municipality') ?? '') ? (p.get('municipality') ?? '') : '',
    channel: oneOf(CHANNELS, p.get('channel')),
    from: DATE.test(p.get('from') ?? '') ? (p.get('from') ?? '') : '',
    to: DATE.test(p.get('to') ?? '') ? (p.get('to') ?? '') : '',
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
  };
}

export function paramsFromQueueFilters(f: QueueFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.view !== 'new') p.set('view', f.view);
  for (const k of ['topic', 'municipality', 'channel', 'from', 'to'] as const) if (f[k]) p.set(k, f[k]);
  if (f.page > 0) p.set('page', String(f.page + 1));
  return p;
}

export function queueApiQuery(f: QueueFilters): QueueQuery {
  return {
    view: f.view,
    topic: f.topic || undefined,
    municipality: f.municipality || undefined,
    channel: f.channel || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    limit: QUEUE_PAGE_SIZE,
    offset: f.page * QUEUE_PAGE_SIZE,
  };
}

/** Whether the response target has passed (the server's flag, or respond_by before `nowUs`) and it is still open. */
export function isOverdue(c: Pick<ConsultationSummary, 'overdue' | 'respond_by_us' | 'status'>, nowUs: number): boolean {
  if (c.status === 'closed') return false;
  return c.overdue || (c.respond_by_us > 0 && c.respond_by_us < nowUs);
}

/** Immediate danger first, then overdue; otherwise the server's order. */
export function queueOrder<T extends Pick<ConsultationSummary, 'immediate_danger' | 'overdue' | 'respond_by_us' | 'status'>>(
  items: readonly T[], nowUs: number,
): T[] {
  const rank = (c: T) => (c.immediate_danger && c.status !== 'closed' ? 0 : isOverdue(c, nowUs) ? 1 : 2);
  return items.map((item, n) => ({ item, n })).sort((a, b) => rank(a.item) - rank(b.item) || a.n - b.n).map((x) => x.item);
}
