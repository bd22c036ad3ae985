// Previous/next links under the case list: the shared pagination while the total is exact; when the
// server capped the count, "Page n" with a next link while the page is full (see casePaging.ts).
import { Link } from 'react-router';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/context';
import { hasNextCasePage, type CountedPage } from './casePaging';

export function CasePagination({ list, page, size, hrefFor }: {
  list: CountedPage; page: number; size: number; hrefFor: (page: number) => string;
}) {
  const { t } = useI18n();
  if (!list.total_capped) return <Pagination page={page} pages={Math.ceil(list.total / size)} hrefFor={hrefFor} />;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 0 ? <Link to={hrefFor(page - 1)} rel="prev">{t('pagination.previous')}</Link> : null}
      <span>{t('cases.pageCapped', { page: page + 1 })}</span>
      {hasNextCasePage(list, page, size) ? <Link to={hrefFor(page + 1)} rel="next">{t('pagination.next')}</Link> : null}
    </nav>
  );
}
