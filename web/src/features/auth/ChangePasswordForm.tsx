// Choosing a new password: at first login (replacing the one-time password) and from the account
// page. A live counter shows the length against the only rule there is: at least 12 characters.
import { useState, type SubmitEvent } from 'react';
import type { Stage } from '../../api/accountTypes';
import { isApiError } from '../../api/client';
import { sessionApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormProblems, type FormProblem } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { isExpired, loginFlowProblems } from './authErrors';
import { longEnough, MIN_PASSWORD_LENGTH, passwordLength } from './passwordPolicy';

interface Props {
  /** At first login: the current password is the one-time password, and a 401 means start again. */
  inLoginFlow: boolean;
  onDone: (stage: Stage) => void;
  onExpired?: () => void;
  submitLabel: string;
}

export function PasswordCounter({ id, password }: { id: string; password: string }) {
  const { t } = useI18n();
  const n = passwordLength(password);
  const ok = longEnough(password);
  return (
    <>
      <p id={id} className={ok ? 'counter counter--ok' : 'counter'}>
        {ok ? t('password.counterOk', { count: n }) : t('password.counter', { count: n, min: MIN_PASSWORD_LENGTH })}
      </p>
      {/* Announced once when the length crosses the limit, not on every key press. */}
      <p className="visually-hidden" aria-live="polite">{ok ? t('password.longEnough') : ''}</p>
    </>
  );
}

export function ChangePasswordForm({ inLoginFlow, onDone, onExpired, submitLabel }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const currentLabel = inLoginFlow ? t('password.oneTime') : t('password.current');
  const form = useFormProblems('password', {
    current_password: { id: 'password-current', label: currentLabel },
    new_password: { id: 'password-new', label: t('password.new') },
    repeat: { id: 'password-repeat', label: t('password.repeat') },
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const local: FormProblem[] = [];
    if (!current) local.push({ field: 'current_password', rule: 'required', detail: '' });
    if (!longEnough(next)) local.push({ field: 'new_password', rule: 'min_length', detail: '' });
    else if (next !== repeat) local.push({ field: 'repeat', rule: 'mismatch', detail: '' });
    form.setProblems(local);
    if (local.length) return;
    setBusy(true);
    try {
      const answer = await sessionApi.changePassword(current, next, inLoginFlow);
      setCurrent('');
      setNext('');
      setRepeat('');
      onDone(answer.stage);
    } catch (err) {
      if (inLoginFlow && isExpired(err)) {
        onExpired?.();
        return;
      }
      // A wrong current password is the server's generic "invalid credentials".
      const wrongCurrent = isApiError(err) && err.kind === 'invalid-credentials';
      const problems = wrongCurrent
        ? [{ field: 'current_password', rule: 'invalid', detail: '' }]
        : loginFlowProblems(i18n, err);
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="narrow-form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={form.summary} focusToken={form.focusToken} />
      {failure ? <ProblemAlert error={failure} /> : null}
      <TextField id="password-current" type="password" label={currentLabel} autoComplete="current-password"
        value={current} errors={form.errorsFor('current_password')} onChange={setCurrent} />
      <TextField id="password-new" type="password" label={t('password.new')} hint={t('password.policy')}
        autoComplete="new-password" value={next} errors={form.errorsFor('new_password')} onChange={setNext}
        describedByExtra="password-new-counter" after={<PasswordCounter id="password-new-counter" password={next} />} />
      <TextField id="password-repeat" type="password" label={t('password.repeat')} autoComplete="new-password"
        value={repeat} errors={form.errorsFor('repeat')} onChange={setRepeat} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('action.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
