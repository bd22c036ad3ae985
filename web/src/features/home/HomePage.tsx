// /: what OpenNRM is, and where to go.
import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { can } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';

export function HomePage() {
  const { t } = useI18n();
  usePageTitle(t('home.title'));
  const { state } = useSession();
  const cards = [
    { to: '/organisations', title: t('nav.organisations'), body: can(state, 'manageOrganisations') ? t('home.orgs') : t('home.orgsRead') },
    { to: '/coverage', title: t('nav.coverage'), body: t('home.coverage') },
    { to: '/geography', title: t('nav.geography'), body: t('home.geo') },
  ];
  if (can(state, 'cases')) cards.unshift({ to: '/cases', title: t('nav.cases'), body: t('home.cases') });
  if (can(state, 'manageUsers')) cards.push({ to: '/users', title: t('nav.users'), body: t('home.users') });
  if (can(state, 'manageTokens')) cards.push({ to: '/tokens', title: t('nav.tokens'), body: t('home.tokens') });
  if (can(state, 'readAudit')) cards.push({ to: '/audit', title: t('nav.audit'), body: t('home.audit') });
  if (can(state, 'account')) cards.push({ to: '/notifications', title: t('nav.notifications'), body: t('home.notifications') });
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
