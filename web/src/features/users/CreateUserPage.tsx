// /users/new: create an account; its one-time password is shown once afterwards.
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import type { CreatedUser, RoleInfo, SessionUser } from '../../api/accountTypes';
import { isApiError } from '../../api/client';
import { userApi } from '../../api/endpoints';
import type { Organisation } from '../../api/types';
import { useApi } from '../../api/useApi';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormProblems, validationProblems, type FormProblem } from '../../components/formProblems';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser, grantableRoles, hasRole } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { OneTimePasswordNotice } from './OneTimePasswordNotice';
import { OrganisationPicker } from './OrganisationPicker';
import { loadRoles } from './referenceData';
import { RoleFields } from './RoleFields';

export function CreateUserPage() {
  const { t } = useI18n();
  usePageTitle(t('user.create.title'));
  const me = activeUser(useSession().state);
  const { data: roles, error, reload } = useApi(loadRoles);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  if (!me) return null;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/users">{t('users.back')}</Link>
      </p>
      <h1>{t('user.create.title')}</h1>
      {created ? (
        <>
          <OneTimePasswordNotice password={created.one_time_password} name={created.user.display_name} />
          <div className="page-actions">
            <Link to={`/users/${created.user.id}`} className="button">{t('user.create.open')}</Link>
            <button type="button" className="button button--secondary" onClick={() => { setCreated(null); }}>
              {t('user.create.another')}
            </button>
          </div>
        </>
      ) : error ? (
        <ProblemAlert error={error} onRetry={reload} />
      ) : !roles ? (
        <Loading />
      ) : (
        <CreateUserForm me={me} roles={roles} onCreated={setCreated} />
      )}
    </>
  );
}

function CreateUserForm({ me, roles, onCreated }: { me: SessionUser; roles: RoleInfo[]; onCreated: (c: CreatedUser) => void }) {
  const { t } = useI18n();
  const sysAdmin = hasRole(me, 'system_administrator');
  const [chosenOrg, setChosenOrg] = useState<Organisation | null>(null);
  const organisationId = sysAdmin ? (chosenOrg?.id ?? '') : me.organisation.id;
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useFormProblems('user', {
    organisation_id: { id: 'user-organisation', label: t('user.field.organisation') },
    username: { id: 'user-username', label: t('user.field.username') },
    display_name: { id: 'user-display-name', label: t('user.field.display_name') },
    roles: { id: 'user-roles', label: t('user.field.roles') },
  });

  const own = organisationId === me.organisation.id;
  const kind = own ? me.organisation.kind : chosenOrg?.kind;
  const grantable = kind ? grantableRoles(me, own, kind, roles) : [];
  // Roles ticked for another organisation that this one does not allow are dropped.
  const selected = chosen.filter((r) => grantable.includes(r));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const local: FormProblem[] = [];
    if (!organisationId) local.push({ field: 'organisation_id', rule: 'required', detail: '' });
    if (!username.trim()) local.push({ field: 'username', rule: 'required', detail: '' });
    if (!displayName.trim()) local.push({ field: 'display_name', rule: 'required', detail: '' });
    if (!selected.length) local.push({ field: 'roles', rule: 'required', detail: '' });
    form.setProblems(local);
    if (local.length) return;
    setBusy(true);
    try {
      onCreated(await userApi.create({ organisation_id: organisationId, username: username.trim(), display_name: displayName.trim(), roles: selected }));
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      else if (isApiError(err) && err.kind === 'conflict') form.setProblems([{ field: 'username', rule: 'taken', detail: '' }]);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="narrow-form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={form.summary} focusToken={form.focusToken} />
      {failure ? <ProblemAlert error={failure} /> : null}
      {sysAdmin ? (
        <OrganisationPicker id="user-organisation" label={t('user.field.organisation')} value={organisationId}
          errors={form.errorsFor('organisation_id')} onChange={setChosenOrg} />
      ) : (
        <p>
          <strong>{t('user.field.organisation')}:</strong> {me.organisation.name}
        </p>
      )}
      <TextField id="user-username" label={t('user.field.username')} hint={t('user.username.hint')} required
        autoComplete="off" spellCheck={false} autoCapitalize="none" value={username}
        errors={form.errorsFor('username')} onChange={setUsername} />
      <TextField id="user-display-name" label={t('user.field.display_name')} hint={t('user.displayName.hint')} required
        autoComplete="off" value={displayName} errors={form.errorsFor('display_name')} onChange={setDisplayName} />
      {kind ? (
        <RoleFields id="user-roles" grantable={grantable} selected={selected} errors={form.errorsFor('roles')} onChange={setChosen} />
      ) : (
        <p id="user-roles" className="muted" tabIndex={-1}>{t('user.roles.chooseOrganisation')}</p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('action.saving') : t('user.create.submit')}
        </button>
        <Link to="/users" className="button button--secondary">{t('action.cancel')}</Link>
      </div>
    </form>
  );
}
