// Previous/next links over a paged list; `hrefFor` builds the link for a 0-based page.
import { Link } from 'react-router';
import { useI18n } from '../i18n/context';

export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 0 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          {t('pagination.previous')}
        </Link>
      ) : null}
      <span>{t('pagination.status', { page: page + 1, pages })}</span>
      {page + 1 < pages ? (
        <Link to={hrefFor(page + 1)} rel="next">
          {t('pagination.next')}
        </Link>
      ) : null}
    </nav>
  );
}
