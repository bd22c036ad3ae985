// The case list's count line and paging. The server counts matching cases only up to a bound (1,000):
// above it, `total` is the bound and `total_capped` is set, so the number of pages is unknown and the
// list pages on while a page comes back full.
import type { I18n } from '../../i18n/context';

/** What the paging needs of a page of cases; `total_capped` is absent from a server that counts them all. */
export interface CountedPage {
  items: readonly unknown[];
  total: number;
  total_capped?: boolean;
}

/** "45 cases", or "1,000+ cases" / "1 000+ ärenden" when more cases match than the server counted. */
export function caseCountText(i: Pick<I18n, 't' | 'formatNumber'>, list: CountedPage): string {
  return list.total_capped
    ? i.t('cases.countCapped', { count: i.formatNumber(list.total) })
    : i.t('cases.count', { count: list.total });
}

/** Whether a page follows the 0-based `page` of `size` cases: by the total, or while a capped list's page is full. */
export function hasNextCasePage(list: CountedPage, page: number, size: number): boolean {
  if (list.total_capped) return list.items.length >= size;
  return (page + 1) * size < list.total;
}
