// /account: who I am, and the ways to look after my account.
import { Link } from 'react-router';
import { CopyButton } from '../../components/CopyButton';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser, can } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { kindLabel } from '../orgs/labels';
import { roleLabel } from '../users/roleLabels';

export function AccountPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('account.title'));
  const { state } = useSession();
  const user = activeUser(state);
  if (!user) return null;
  const links = [
    { to: '/account/password', title: t('account.password.title'), body: t('account.password.summary') },
    { to: '/account/sessions', title: t('sessions.title'), body: t('sessions.summary') },
    { to: '/account/recovery-codes', title: t('recovery.regenerate.title'), body: t('recovery.regenerate.summary') },
    { to: '/notifications', title: t('notifications.title'), body: t('notifications.summary') },
  ];
  return (
    <>
      <h1>{t('account.title')}</h1>
      <dl className="details">
        <dt>{t('user.field.display_name')}</dt>
        <dd>{user.display_name}</dd>
        <dt>{t('user.field.username')}</dt>
        <dd>{user.username}</dd>
        <dt>{t('user.field.organisation')}</dt>
        <dd>{user.organisation.name} ({kindLabel(i18n, user.organisation.kind)})</dd>
        <dt>{t('user.field.roles')}</dt>
        <dd>{user.roles.map((r) => roleLabel(i18n, r)).join(', ')}</dd>
        {can(state, 'cases') ? (
          <>
            <dt>{t('account.userId')}</dt>
            <dd>
              <code id="account-user-id">{user.id}</code>{' '}
              <CopyButton value={user.id} label={t('account.userId.copy')} />
              <p className="field-hint">{t('account.userId.hint')}</p>
            </dd>
          </>
        ) : null}
      </dl>
      <ul className="card-grid">
        {links.map((l) => (
          <li key={l.to} className="card">
            <h2>
              <Link to={l.to}>{l.title}</Link>
            </h2>
            <p>{l.body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
