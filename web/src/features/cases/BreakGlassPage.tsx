// /cases/break-glass: open a case of one's own organisation that one is not on the team of, with a
// written reason (break-glass). Separate from the case page on purpose: a case one may not see is
// "not found" there, exactly as a missing one, so nothing there hints that it exists. The opening
// holds for this session only, is logged, and the organisation's administrators are told.
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { caseApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/ErrorSummary';
import { describedBy, FieldError, FieldHint, TextField } from '../../components/fields';
import { useFormProblems, validationProblems, type FormProblem } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { idFromText } from './ids';

export const MIN_REASON = 10;
export const MAX_REASON = 1000;

/** The length of a reason as the server counts it: code points, without surrounding spaces. */
export function reasonLength(reason: string): number {
  return reason.trim().match(/./gsu)?.length ?? 0;
}

/** The problems the form can see before asking the server. */
export function localBreakGlassProblems(caseText: string, reason: string): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!caseText.trim()) problems.push({ field: 'case', rule: 'required', detail: '' });
  else if (!idFromText(caseText)) problems.push({ field: 'case', rule: 'format', detail: '' });
  const n = reasonLength(reason);
  if (n === 0) problems.push({ field: 'reason', rule: 'required', detail: '' });
  else if (n < MIN_REASON) problems.push({ field: 'reason', rule: 'too_short', detail: '' });
  else if (n > MAX_REASON) problems.push({ field: 'reason', rule: 'too_long', detail: '' });
  return problems;
}

export function BreakGlassPage() {
  const { t } = useI18n();
  usePageTitle(t('breakGlass.title'));
  const navigate = useNavigate();
  const [caseText, setCaseText] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [onTeam, setOnTeam] = useState<string | null>(null);
  const form = useFormProblems('breakGlass', {
    case: { id: 'break-glass-case', label: t('breakGlass.field.case') },
    reason: { id: 'break-glass-reason', label: t('breakGlass.field.reason') },
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    setOnTeam(null);
    const local = localBreakGlassProblems(caseText, reason);
    form.setProblems(local);
    if (local.length) return;
    const id = idFromText(caseText) ?? '';
    setBusy(true);
    try {
      const opened = await caseApi.breakGlass(id, reason.trim());
      void navigate(`/cases/${opened.id}`);
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      // No such case, another organisation's, or one this role may not open: the server does not say which.
      else if (isApiError(err) && err.kind === 'not-found') form.setProblems([{ field: 'case', rule: 'not_found', detail: '' }]);
      else if (isApiError(err) && err.problem.type.endsWith('/already-on-team')) setOnTeam(id);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const n = reasonLength(reason);
  const reasonErrors = form.errorsFor('reason');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{t('cases.back')}</Link>
      </p>
      <h1>{t('breakGlass.title')}</h1>
      <p className="lead">{t('breakGlass.intro')}</p>
      <div className="alert alert--warning" role="note" aria-labelledby="break-glass-warning-title">
        <h2 id="break-glass-warning-title">{t('breakGlass.warning.title')}</h2>
        <p>{t('breakGlass.warning.logged')}</p>
        <p>{t('breakGlass.warning.session')}</p>
      </div>
      <form className="narrow-form" noValidate aria-labelledby="break-glass-form-title" onSubmit={(e) => void submit(e)}>
        <h2 id="break-glass-form-title" className="visually-hidden">{t('breakGlass.title')}</h2>
        <ErrorSummary items={form.summary} focusToken={form.focusToken} />
        {failure ? <ProblemAlert error={failure} /> : null}
        {onTeam ? (
          <div className="alert alert--info" role="alert">
            <p>
              {t('breakGlass.alreadyOnTeam')} <Link to={`/cases/${onTeam}`}>{t('breakGlass.openCase')}</Link>
            </p>
          </div>
        ) : null}
        <TextField id="break-glass-case" label={t('breakGlass.field.case')} hint={t('breakGlass.case.hint')} required
          autoComplete="off" spellCheck={false} autoCapitalize="none" value={caseText} errors={form.errorsFor('case')}
          onChange={setCaseText} />
        <div className={`field${reasonErrors ? ' field--invalid' : ''}`}>
          <label htmlFor="break-glass-reason" className="field-label">
            {t('breakGlass.field.reason')}
            <span className="field-required"> ({t('form.required')})</span>
          </label>
          <FieldHint id="break-glass-reason" hint={t('breakGlass.reason.hint')} />
          <FieldError id="break-glass-reason" errors={reasonErrors} />
          <textarea id="break-glass-reason" name="break-glass-reason" rows={5} value={reason} required
            aria-describedby={[describedBy('break-glass-reason', 'hint', reasonErrors), 'break-glass-reason-count'].join(' ')}
            aria-invalid={reasonErrors ? true : undefined}
            onChange={(e) => { setReason(e.target.value); }} />
          <p id="break-glass-reason-count" className={n >= MIN_REASON && n <= MAX_REASON ? 'counter counter--ok' : 'counter'}>
            {t('breakGlass.reason.count', { count: n, max: MAX_REASON })}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--warning" disabled={busy}>
            {busy ? t('breakGlass.opening') : t('breakGlass.submit')}
          </button>
          <Link to="/cases" className="button button--secondary">{t('action.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
