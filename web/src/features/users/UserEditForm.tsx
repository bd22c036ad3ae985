// Editing an account: display name, roles and whether it is active, saved with its version so that
// a change made meanwhile by someone else is refused (409) rather than overwritten.
import { useState, type SubmitEvent } from 'react';
import type { ManagedUser, RoleInfo, SessionUser, UserPatch } from '../../api/accountTypes';
import { isApiError } from '../../api/client';
import { userApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, TextField } from '../../components/fields';
import { useFormProblems, validationProblems, type FormProblem } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { grantableRoles } from '../auth/capabilities';
import { RoleFields } from './RoleFields';

interface Props {
  user: ManagedUser;
  me: SessionUser;
  roles: RoleInfo[];
  onSaved: (user: ManagedUser) => void;
  onReload: () => void;
}

/** Only what changed, with the version the edit started from. */
export function userPatch(user: ManagedUser, displayName: string, roles: readonly string[], active: boolean): UserPatch {
  const patch: UserPatch = { version: user.version };
  if (displayName.trim() !== user.display_name) patch.display_name = displayName.trim();
  const same = roles.length === user.roles.length && roles.every((r) => user.roles.includes(r));
  if (!same) patch.roles = [...roles];
  if (active !== user.active) patch.active = active;
  return patch;
}

export function UserEditForm({ user, me, roles, onSaved, onReload }: Props) {
  const { t } = useI18n();
  const [displayName, setDisplayName] = useState(user.display_name);
  const [selected, setSelected] = useState<string[]>(user.roles);
  const [active, setActive] = useState(user.active);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useFormProblems('user', {
    display_name: { id: 'edit-display-name', label: t('user.field.display_name') },
    roles: { id: 'edit-roles', label: t('user.field.roles') },
    active: { id: 'edit-active', label: t('user.field.active') },
  });
  const grantable = grantableRoles(me, user.organisation.id === me.organisation.id, user.organisation.kind, roles);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    setConflict(false);
    const local: FormProblem[] = displayName.trim() ? [] : [{ field: 'display_name', rule: 'required', detail: '' }];
    form.setProblems(local);
    if (local.length) return;
    setBusy(true);
    try {
      onSaved(await userApi.update(user.id, userPatch(user, displayName, selected, active)));
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      else if (isApiError(err) && err.kind === 'conflict') setConflict(true);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-section" noValidate aria-labelledby="user-edit-title" onSubmit={(e) => void submit(e)}>
      <h2 id="user-edit-title">{t('user.edit.title')}</h2>
      <ErrorSummary items={form.summary} focusToken={form.focusToken} />
      {conflict ? (
        <div className="alert alert--error" role="alert">
          <h3>{t('user.conflict.title')}</h3>
          <p>{t('user.conflict.body')}</p>
          <button type="button" className="button" onClick={onReload}>{t('org.conflict.reload')}</button>
        </div>
      ) : null}
      {failure ? <ProblemAlert error={failure} /> : null}
      <TextField id="edit-display-name" label={t('user.field.display_name')} required autoComplete="off" value={displayName}
        errors={form.errorsFor('display_name')} onChange={setDisplayName} />
      <RoleFields id="edit-roles" grantable={grantable} selected={selected} errors={form.errorsFor('roles')} onChange={setSelected} />
      <CheckboxField id="edit-active" label={t('user.field.active')} hint={t('user.active.hint')} checked={active}
        errors={form.errorsFor('active')} onChange={setActive} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('action.saving') : t('org.edit.submit')}
        </button>
      </div>
    </form>
  );
}
