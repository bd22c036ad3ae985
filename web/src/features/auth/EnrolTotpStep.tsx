// Login at first use, or after an administrator reset TOTP: add OpenNRM to an authenticator app by
// its QR code or by typing the secret, then prove it works with a code. Each visit starts a new
// enrolment (a new secret); the server keeps only the latest until it is confirmed.
import { useEffect, useState, type SubmitEvent } from 'react';
import type { EnrolmentConfirmed } from '../../api/accountTypes';
import { sessionApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormProblems, type FormProblem } from '../../components/formProblems';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { isExpired, loginFlowProblems } from './authErrors';
import { groupSecret, qrDataUrl } from './totpSecret';
import { normaliseTotp } from './TotpStep';
import { useOnce } from './useOnce';

interface Props {
  onEnrolled: (answer: EnrolmentConfirmed) => void;
  onExpired: () => void;
}

export function EnrolTotpStep({ onEnrolled, onExpired }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const enrolment = useOnce(sessionApi.startEnrolment);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useFormProblems('totp', { code: { id: 'enrol-code', label: t('enrol.code') } });

  const expired = isExpired(enrolment.error);
  useEffect(() => {
    if (expired) onExpired();
  }, [expired, onExpired]);

  if (expired) return null;
  if (enrolment.error) return <ProblemAlert error={enrolment.error} onRetry={enrolment.retry} />;
  if (!enrolment.data) return <Loading />;
  const { secret, otpauth_uri: uri, qr_svg: svg } = enrolment.data;
  const qr = qrDataUrl(svg);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const totp = normaliseTotp(code);
    const local: FormProblem[] = totp ? [] : [{ field: 'code', rule: code.trim() ? 'format' : 'required', detail: '' }];
    form.setProblems(local);
    if (!totp) return;
    setBusy(true);
    try {
      onEnrolled(await sessionApi.confirmEnrolment(totp));
    } catch (err) {
      if (isExpired(err)) {
        onExpired();
        return;
      }
      const problems = loginFlowProblems(i18n, err, 'code');
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="muted">{t('enrol.reset')}</p>
      <ol className="steps">
        <li>{t('enrol.step.app')}</li>
        <li>
          {t('enrol.step.scan')}
          {qr ? <img className="qr" src={qr} alt={t('enrol.qrAlt')} width={200} height={200} /> : null}
          <p>
            <a href={uri}>{t('enrol.openApp')}</a>
          </p>
        </li>
        <li>
          {t('enrol.step.manual')}
          <p className="secret">
            {t('enrol.secretLabel')} <code id="enrol-secret">{groupSecret(secret)}</code>
          </p>
          <p className="muted">{t('enrol.manualHint')}</p>
        </li>
        <li>{t('enrol.step.confirm')}</li>
      </ol>
      <form className="narrow-form" noValidate onSubmit={(e) => void submit(e)}>
        <ErrorSummary items={form.summary} focusToken={form.focusToken} />
        {failure ? <ProblemAlert error={failure} /> : null}
        <TextField id="enrol-code" label={t('enrol.code')} hint={t('totp.codeHint')} className="field--code"
          inputMode="numeric" autoComplete="one-time-code" spellCheck={false} maxLength={9} value={code}
          errors={form.errorsFor('code')} onChange={setCode} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('login.busy') : t('enrol.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
