// /users/:id: one account — its details, the edit form, and resetting its password or TOTP.
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ManagedUser } from '../../api/accountTypes';
import { userApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { kindLabel } from '../orgs/labels';
import { OneTimePasswordNotice } from './OneTimePasswordNotice';
import { loadRoles } from './referenceData';
import { roleLabel } from './roleLabels';
import { UserEditForm } from './UserEditForm';

export function UserDetailPage() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const { id = '' } = useParams();
  const me = activeUser(useSession().state);
  const load = useCallback((signal: AbortSignal) => userApi.get(id, signal), [id]);
  const { data, error, reload } = useApi(load);
  const { data: roles } = useApi(loadRoles);
  // The answer to a save replaces the loaded user until the next load.
  const [saved, setSaved] = useState<ManagedUser | null>(null);
  const [oneTime, setOneTime] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const user = saved?.id === id && data && saved.version > data.version ? saved : data;
  usePageTitle(user ? user.display_name || user.username : t('user.detail.loading'));

  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!user || !roles || !me) return <Loading />;
  const self = user.id === me.id;

  // A reset gives the account a new version, and a new password or TOTP state: the page then shows the
  // account as it is now (so that a later save is not taken for someone else's change). A reset
  // password's one-time password stays on screen through a TOTP reset: an administrator resetting
  // both must still be able to hand it over.
  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    setMessage(null);
    try {
      await run();
    } catch (e) {
      setActionError(e);
      return;
    } finally {
      setBusy(false);
    }
    try {
      setSaved(await userApi.get(user.id));
    } catch {
      reload();
    }
  };
  const resetPassword = () =>
    act(async () => {
      setOneTime((await userApi.resetPassword(user.id)).one_time_password);
    });
  const resetTotp = () =>
    act(async () => {
      await userApi.resetTotp(user.id);
      setMessage(t('user.totpReset.done'));
    });

  return (
    <article>
      <p className="breadcrumb">
        <Link to="/users">{t('users.back')}</Link>
      </p>
      <h1>{user.display_name || user.username}</h1>
      <p>
        <span className={user.active ? 'badge badge--active' : 'badge badge--inactive'}>
          {user.active ? t('user.active') : t('user.inactive')}
        </span>
      </p>
      <StatusMessage message={message} />
      {actionError ? <ProblemAlert error={actionError} /> : null}
      {oneTime ? <OneTimePasswordNotice password={oneTime} name={user.display_name} /> : null}
      <dl className="details">
        <dt>{t('user.field.username')}</dt>
        <dd>{user.username}</dd>
        <dt>{t('user.field.organisation')}</dt>
        <dd>{user.organisation.name} ({kindLabel(i18n, user.organisation.kind)})</dd>
        <dt>{t('user.field.roles')}</dt>
        <dd>{user.roles.length ? user.roles.map((r) => roleLabel(i18n, r)).join(', ') : t('user.roles.noneHeld')}</dd>
        <dt>{t('user.field.totp')}</dt>
        <dd>{user.totp_enrolled ? t('user.totp.enrolled') : t('user.totp.notEnrolled')}</dd>
        <dt>{t('user.field.password')}</dt>
        <dd>{user.must_change_password ? t('user.mustChange') : t('user.passwordSet')}</dd>
        <dt>{t('user.field.created')}</dt>
        <dd>{formatDateTime(user.created_at)}</dd>
      </dl>
      {self ? (
        <p className="alert alert--info">
          {t('user.self')} <Link to="/account">{t('nav.account')}</Link>
        </p>
      ) : (
        <>
          <UserEditForm key={`${user.id}:${user.version}`} user={user} me={me} roles={roles}
            onSaved={(u) => { setSaved(u); setOneTime(null); setMessage(t('user.saved')); }}
            onReload={() => { setSaved(null); setMessage(null); reload(); }} />
          <section aria-labelledby="user-reset-title" className="form-section">
            <h2 id="user-reset-title">{t('user.reset.title')}</h2>
            <h3>{t('user.passwordReset.title')}</h3>
            <p>{t('user.passwordReset.body')}</p>
            <ConfirmButton label={t('user.passwordReset.button')} question={t('user.passwordReset.question', { name: user.display_name })}
              confirmLabel={t('user.passwordReset.confirm')} busy={busy} secondary onConfirm={resetPassword} />
            <h3>{t('user.totpReset.title')}</h3>
            <p>{t('user.totpReset.body')}</p>
            <ConfirmButton label={t('user.totpReset.button')} question={t('user.totpReset.question', { name: user.display_name })}
              confirmLabel={t('user.totpReset.confirm')} busy={busy} secondary onConfirm={resetTotp} />
          </section>
        </>
      )}
    </article>
  );
}
