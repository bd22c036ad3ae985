// Creating an API token: a name, the actions it may perform, and when it stops working.
import { useState, type SubmitEvent } from 'react';
import { TOKEN_ACTIONS, type CreatedToken } from '../../api/accountTypes';
import { tokenApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxList, FieldGroup, TextField } from '../../components/fields';
import { useFormProblems, validationProblems, type FormProblem } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';

/** The longest a token may live (the server refuses more: rule too_far). */
export const MAX_TOKEN_DAYS = 365;

/** Today plus `days`, as YYYY-MM-DD (UTC). */
export function dateInDays(days: number, now: number = Date.now()): string {
  return new Date(now + days * 86_400_000).toISOString().slice(0, 10);
}

export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const { t, tDynamic } = useI18n();
  const [name, setName] = useState('');
  const [actions, setActions] = useState<string[]>([]);
  const [expires, setExpires] = useState(dateInDays(90));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useFormProblems('tokens', {
    name: { id: 'token-name', label: t('tokens.field.name') },
    actions: { id: 'token-actions', label: t('tokens.field.actions') },
    expires_at: { id: 'token-expires', label: t('tokens.field.expires') },
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const local: FormProblem[] = [];
    if (!name.trim()) local.push({ field: 'name', rule: 'required', detail: '' });
    if (!actions.length) local.push({ field: 'actions', rule: 'required', detail: '' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expires)) local.push({ field: 'expires_at', rule: 'format', detail: '' });
    else if (expires <= dateInDays(0)) local.push({ field: 'expires_at', rule: 'in_past', detail: '' });
    else if (expires > dateInDays(MAX_TOKEN_DAYS)) local.push({ field: 'expires_at', rule: 'too_far', detail: '' });
    form.setProblems(local);
    if (local.length) return;
    setBusy(true);
    try {
      // The API takes the last valid day as a date.
      const token = await tokenApi.create({ name: name.trim(), actions, expires_at: expires });
      setName('');
      setActions([]);
      onCreated(token);
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-section narrow-form" noValidate aria-labelledby="token-new-title" onSubmit={(e) => void submit(e)}>
      <h2 id="token-new-title">{t('tokens.new')}</h2>
      <ErrorSummary items={form.summary} focusToken={form.focusToken} />
      {failure ? <ProblemAlert error={failure} /> : null}
      <TextField id="token-name" label={t('tokens.field.name')} hint={t('tokens.name.hint')} required autoComplete="off"
        value={name} errors={form.errorsFor('name')} onChange={setName} />
      <FieldGroup id="token-actions" label={t('tokens.field.actions')} hint={t('tokens.actions.hint')} errors={form.errorsFor('actions')}>
        <CheckboxList idPrefix="token-action" selected={actions} onChange={setActions}
          options={TOKEN_ACTIONS.map((a) => ({ value: a, label: tDynamic(`tokenAction.${a}`, a) }))} />
      </FieldGroup>
      <TextField id="token-expires" type="date" label={t('tokens.field.expires')} hint={t('tokens.expires.hint')} required
        className="field--narrow" min={dateInDays(1)} max={dateInDays(MAX_TOKEN_DAYS)} value={expires} errors={form.errorsFor('expires_at')} onChange={setExpires} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('action.saving') : t('tokens.create')}
        </button>
      </div>
    </form>
  );
}
