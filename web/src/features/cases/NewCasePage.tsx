// /cases/new: open a new case of one's organisation, with oneself on its team. The only choice is the
// type of case, each explained in one plain sentence. Someone new to such cases is offered the
// step-by-step guide (/cases/new/guide, features/cases/newcase) first.
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { CASE_TYPES } from '../../api/caseTypes';
import { caseApi } from '../../api/endpoints';
import { PROBLEM_BASE } from '../../api/problem';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldGroup } from '../../components/fields';
import { useFormProblems, validationProblems } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { caseTypeExplanation, caseTypeLabel } from './labels';

/** The server's refusal for an organisation that keeps consultations, not cases (the national unit). */
export function keepsNoCases(err: unknown): boolean {
  return isApiError(err) && err.status === 403 && err.problem.type === `${PROBLEM_BASE}organisation-keeps-no-cases`;
}

export function NewCasePage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('caseNew.title'));
  const navigate = useNavigate();
  const [type, setType] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useFormProblems('caseNew', { type: { id: 'case-type', label: t('case.field.type') } });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    if (!type) {
      form.setProblems([{ field: 'type', rule: 'required', detail: '' }]);
      return;
    }
    form.setProblems([]);
    setBusy(true);
    try {
      const created = await caseApi.create(type);
      void navigate(`/cases/${created.id}`, { state: { created: true } });
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{t('cases.back')}</Link>
      </p>
      <h1>{t('caseNew.title')}</h1>
      <p className="lead">{t('caseNew.intro')}</p>
      <aside className="alert alert--info" aria-labelledby="guide-entry-title">
        <h2 id="guide-entry-title">{t('guide.entry.title')}</h2>
        <p>{t('guide.entry.body')}</p>
        <p><Link to="/cases/new/guide" className="button">{t('guide.entry.link')}</Link></p>
      </aside>
      <form className="narrow-form" noValidate onSubmit={(e) => void submit(e)}>
        <ErrorSummary items={form.summary} focusToken={form.focusToken} />
        {failure && keepsNoCases(failure) ? (
          <div className="alert alert--error" role="alert">
            <p>{t('caseNew.keepsNoCases')}</p>
            {isApiError(failure) && failure.problem.detail ? <p>{failure.problem.detail}</p> : null}
          </div>
        ) : failure ? (
          <ProblemAlert error={failure} />
        ) : null}
        <FieldGroup id="case-type" label={t('caseNew.typeQuestion')} errors={form.errorsFor('type')}>
          <ul className="choice-list">
            {CASE_TYPES.map((c) => (
              <li key={c}>
                <input id={`case-type-${c}`} type="radio" name="case-type" value={c} checked={type === c}
                  aria-describedby={`case-type-${c}-explain`} onChange={() => { setType(c); }} />
                <div>
                  <label htmlFor={`case-type-${c}`}>{caseTypeLabel(i18n, c)}</label>
                  <p id={`case-type-${c}-explain`} className="field-hint">{caseTypeExplanation(i18n, c)}</p>
                </div>
              </li>
            ))}
          </ul>
        </FieldGroup>
        <p>{t('caseNew.afterwards')}</p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('action.saving') : t('caseNew.create')}
          </button>
          <Link to="/cases" className="button button--secondary">{t('action.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
