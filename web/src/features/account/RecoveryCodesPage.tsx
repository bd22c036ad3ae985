// /account/recovery-codes: make ten new recovery codes (the old ones stop working); needs a TOTP code.
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { meApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormProblems } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { loginFlowProblems } from '../auth/authErrors';
import { activeUser } from '../auth/capabilities';
import { RecoveryCodeList } from '../auth/RecoveryCodeList';
import { useSession } from '../auth/sessionState';
import { normaliseTotp } from '../auth/TotpStep';

export function RecoveryCodesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('recovery.regenerate.title'));
  const user = activeUser(useSession().state);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useFormProblems('totp', { code: { id: 'regenerate-code', label: t('totp.code') } });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const totp = normaliseTotp(code);
    form.setProblems(totp ? [] : [{ field: 'code', rule: code.trim() ? 'format' : 'required', detail: '' }]);
    if (!totp) return;
    setBusy(true);
    try {
      const answer = await meApi.regenerateRecoveryCodes(totp);
      setCode('');
      setCodes(answer.recovery_codes);
    } catch (err) {
      const problems = loginFlowProblems(i18n, err, 'code');
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/account">{t('account.back')}</Link>
      </p>
      <h1>{t('recovery.regenerate.title')}</h1>
      {codes ? (
        <>
          <div role="status">
            <p className="alert alert--success">{t('recovery.regenerate.done')}</p>
          </div>
          <RecoveryCodeList codes={codes} username={user?.username ?? ''} />
          <p>
            <Link to="/account">{t('account.back')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('recovery.regenerate.intro')}</p>
          <form className="narrow-form" noValidate onSubmit={(e) => void submit(e)}>
            <ErrorSummary items={form.summary} focusToken={form.focusToken} />
            {failure ? <ProblemAlert error={failure} /> : null}
            <TextField id="regenerate-code" label={t('totp.code')} hint={t('totp.codeHint')} className="field--code"
              inputMode="numeric" autoComplete="one-time-code" spellCheck={false} maxLength={9} value={code}
              errors={form.errorsFor('code')} onChange={setCode} />
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy}>
                {busy ? t('action.saving') : t('recovery.regenerate.submit')}
              </button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
