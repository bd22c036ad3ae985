// What happened when the guide sent its parts and not all succeeded: which parts are saved, which
// failed and why (each problem's message with its field and rule), which wait for an earlier part;
// and the ways on: fix the step and send again, or continue on the case page, which exists.
import { forwardRef } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client';
import { problemMessage, type FormProblem } from '../../../components/formProblems';
import { problemMessageKey } from '../../../components/ProblemAlert';
import { useI18n } from '../../../i18n/context';
import { keepsNoCases } from '../NewCasePage';
import { STEPS } from './steps';
import type { PartId, PartOutcome, Progress } from './submit';

/** The form scope whose messages explain a part's problems, and the step where the part is filled in. */
const PART: Record<PartId, { scope: string; step: (typeof STEPS)[number] }> = {
  case: { scope: 'caseNew', step: 'type' },
  person: { scope: 'person', step: 'person' },
  indicators: { scope: 'indicators', step: 'indicators' },
  assessment: { scope: 'assessment', step: 'indicators' },
  report: { scope: 'child', step: 'next' },
};

export const OutcomePanel = forwardRef<HTMLDivElement, {
  outcomes: readonly PartOutcome[]; progress: Progress; /** Back to the step where a part is filled in, with the problems the server found in it. */
  onFix: (stepIndex: number, problems: FormProblem[]) => void;
}>(function OutcomePanel({ outcomes, progress, onFix }, ref) {
  const i18n = useI18n();
  const { t } = i18n;
  const problemText = (part: PartId, p: FormProblem) => problemMessage(i18n, PART[part].scope, p);
  const failureText = (o: PartOutcome) => {
    if (o.part === 'case' && keepsNoCases(o.error)) return t('caseNew.keepsNoCases');
    if (isApiError(o.error) && o.error.kind === 'validation' && o.problems.length) return null;
    return t(problemMessageKey(o.error));
  };
  return (
    <div ref={ref} tabIndex={-1} className="alert alert--error" role="alert" aria-labelledby="guide-outcome-title">
      <h3 id="guide-outcome-title">{progress.caseId ? t('guide.outcome.partial', { code: progress.caseCode ?? '' }) : t('guide.outcome.none')}</h3>
      <ul>
        {outcomes.map((o) => {
          const label = i18n.tDynamic(`guide.part.${o.part}`, o.part);
          const stepIndex = STEPS.indexOf(PART[o.part].step);
          return (
            <li key={o.part} data-part={o.part} data-status={o.status}>
              <strong>{label}: </strong>
              {i18n.tDynamic(`guide.outcome.${o.status}`, o.status)}
              {o.status === 'failed' ? (
                <>
                  {failureText(o) ? <p>{failureText(o)}</p> : null}
                  {o.problems.length ? (
                    <ul>
                      {o.problems.map((p, i) => (
                        <li key={i}>
                          {problemText(o.part, p)}{' '}
                          <span className="muted">({[p.field, p.rule].filter(Boolean).join(' · ')})</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <button type="button" className="button button--link" onClick={() => { onFix(stepIndex, o.problems); }}>
                    {t('guide.outcome.fix', { step: i18n.tDynamic(`guide.step.${PART[o.part].step}`, '') })}
                  </button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {progress.caseId ? (
        <p>
          {t('guide.outcome.caseExists')}{' '}
          <Link to={`/cases/${progress.caseId}`}>{t('guide.outcome.openCase', { code: progress.caseCode ?? '' })}</Link>
        </p>
      ) : null}
    </div>
  );
});
