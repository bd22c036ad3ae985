// /: what OpenNRM is, and where to go.
import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';

export function HomePage() {
  const { t } = useI18n();
  usePageTitle(t('home.title'));
  const cards = [
    { to: '/organisations', title: t('nav.organisations'), body: t('home.orgs') },
    { to: '/coverage', title: t('nav.coverage'), body: t('home.coverage') },
    { to: '/geography', title: t('nav.geography'), body: t('home.geo') },
  ];
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <ul className="card-grid">
        {cards.map((c) => (
          <li key={c.to} className="card">
            <h2>
              <Link to={c.to}>{c.title}</Link>
            </h2>
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
