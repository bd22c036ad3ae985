// Login, step two: the six-digit code from the authenticator app, or one of the recovery codes.
import { useState, type SubmitEvent } from 'react';
import type { LoginAnswer } from '../../api/accountTypes';
import { sessionApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormProblems, type FormProblem } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { isExpired, loginFlowProblems } from './authErrors';

/** A TOTP code as typed ("123 456") → "123456"; null unless it is six digits. */
export function normaliseTotp(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

interface Props {
  recovery: boolean;
  onAnswer: (answer: LoginAnswer) => void;
  onToggle: () => void;
  onExpired: () => void;
  onRestart: () => void;
}

export function TotpStep({ recovery, onAnswer, onToggle, onExpired, onRestart }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useFormProblems('totp', {
    code: { id: 'totp-code', label: t('totp.code') },
    recovery_code: { id: 'totp-recovery-code', label: t('totp.recoveryCode') },
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const totp = normaliseTotp(code);
    const local: FormProblem[] = [];
    if (!recovery && !totp) local.push({ field: 'code', rule: code.trim() ? 'format' : 'required', detail: '' });
    if (recovery && !recoveryCode.trim()) local.push({ field: 'recovery_code', rule: 'required', detail: '' });
    form.setProblems(local);
    if (local.length) return;
    setBusy(true);
    try {
      onAnswer(await sessionApi.totp(recovery ? { recovery_code: recoveryCode.trim() } : { code: totp ?? '' }));
    } catch (err) {
      if (isExpired(err)) {
        onExpired();
        return;
      }
      const problems = loginFlowProblems(i18n, err, recovery ? 'recovery_code' : 'code');
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const restart = async () => {
    try {
      await sessionApi.logout();
    } catch {
      // The half-finished session ends on its own (idle timeout); starting again is what matters.
    }
    onRestart();
  };

  return (
    <form className="narrow-form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={form.summary} focusToken={form.focusToken} />
      {failure ? <ProblemAlert error={failure} /> : null}
      {recovery ? (
        <TextField key="recovery" id="totp-recovery-code" label={t('totp.recoveryCode')} hint={t('totp.recoveryHint')}
          autoComplete="off" spellCheck={false} autoCapitalize="none" value={recoveryCode}
          errors={form.errorsFor('recovery_code')} onChange={setRecoveryCode} />
      ) : (
        <TextField key="code" id="totp-code" label={t('totp.code')} hint={t('totp.codeHint')} className="field--code"
          inputMode="numeric" autoComplete="one-time-code" spellCheck={false} maxLength={9} value={code}
          errors={form.errorsFor('code')} onChange={setCode} />
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('login.busy') : t('totp.submit')}
        </button>
        <button type="button" className="button button--link" onClick={() => { form.setProblems([]); onToggle(); }}>
          {recovery ? t('totp.useApp') : t('totp.useRecovery')}
        </button>
      </div>
      <p>
        <button type="button" className="button button--link" onClick={() => void restart()}>
          {t('totp.restart')}
        </button>
      </p>
    </form>
  );
}
