// A case's team: who is on it and since when, and — for team members — putting a colleague on it (by
// the user id the colleague gives them; nothing in the API lists colleagues to a case worker) and
// taking someone off it (never the last one).
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '../../api/client';
import type { Case, TeamMember } from '../../api/caseTypes';
import { caseApi } from '../../api/endpoints';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormProblems, validationProblems } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { idFromText } from './ids';

interface Props {
  value: Case;
  /** False for a case opened by break-glass: it is read, not changed. */
  editable: boolean;
  /** The case as it is after a change, and what to tell the user. */
  onChanged: (c: Case, message: string) => void;
}

export function TeamSection({ value, editable, onChanged }: Props) {
  const { t, formatDateTime } = useI18n();
  const me = activeUser(useSession().state);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const remove = async (m: TeamMember) => {
    setBusy(true);
    setFailure(null);
    try {
      await caseApi.removeTeamMember(value.id, m.user_id);
      onChanged({ ...value, team: value.team.filter((x) => x.user_id !== m.user_id) }, t('team.removed', { name: m.display_name }));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<TeamMember>[] = [
    {
      id: 'name',
      header: t('team.field.name'),
      cell: (m) => (
        <>
          {m.display_name}
          {m.user_id === me?.id ? <span className="muted"> ({t('team.you')})</span> : null}
        </>
      ),
    },
    { id: 'added', header: t('team.field.added'), cell: (m) => formatDateTime(m.added_at) },
    ...(editable && value.team.length > 1
      ? [{
          id: 'remove',
          header: t('team.field.actions'),
          hideHeader: true,
          cell: (m: TeamMember) => (
            <ConfirmButton label={t('team.remove', { name: m.display_name })} secondary busy={busy}
              question={t('team.remove.question', { name: m.display_name })} confirmLabel={t('team.remove.confirm')}
              onConfirm={() => remove(m)} />
          ),
        }]
      : []),
  ];

  return (
    <section className="form-section" aria-labelledby="team-title">
      <h2 id="team-title">{t('team.title')}</h2>
      <p>{t('team.intro')}</p>
      {failure ? <ProblemAlert error={failure} message={teamProblemKey(failure)} /> : null}
      <DataTable caption={t('team.caption')} labelledBy="team-title" columns={columns} rows={value.team} rowKey={(m) => m.user_id} />
      {editable ? (
        <AddMemberForm value={value} onAdded={(c, name) => { onChanged(c, t('team.added', { name })); }} />
      ) : (
        <p className="muted">{t('team.readOnly')}</p>
      )}
    </section>
  );
}

/** The message for a refused team change, where the server names why. */
function teamProblemKey(err: unknown) {
  if (!isApiError(err)) return undefined;
  if (err.problem.type.endsWith('/last-team-member')) return 'team.error.last' as const;
  if (err.problem.type.endsWith('/not-on-team')) return 'team.error.notOnTeam' as const;
  if (err.kind === 'not-found') return 'team.error.gone' as const;
  return undefined;
}

function AddMemberForm({ value, onAdded }: { value: Case; onAdded: (c: Case, name: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useFormProblems('team', { user_id: { id: 'team-user-id', label: t('team.field.userId') } });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const userId = idFromText(text);
    if (!userId) {
      form.setProblems([{ field: 'user_id', rule: text.trim() ? 'format' : 'required', detail: '' }]);
      return;
    }
    form.setProblems([]);
    setBusy(true);
    try {
      const next = await caseApi.addTeamMember(value.id, userId);
      setText('');
      const added = next.team.find((m) => m.user_id === userId);
      onAdded(next, added?.display_name ?? userId);
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="team-add-title" onSubmit={(e) => void submit(e)}>
      <h3 id="team-add-title">{t('team.add.title')}</h3>
      <ErrorSummary items={form.summary} focusToken={form.focusToken} />
      {failure ? <ProblemAlert error={failure} message={teamProblemKey(failure)} /> : null}
      <TextField id="team-user-id" label={t('team.field.userId')} hint={t('team.userId.hint')} required autoComplete="off"
        spellCheck={false} autoCapitalize="none" value={text} errors={form.errorsFor('user_id')} onChange={setText} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('action.saving') : t('team.add.button')}
        </button>
      </div>
    </form>
  );
}
