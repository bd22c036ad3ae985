// After the guide: the case and the person exist with everything filled in. The checklist of what to
// do next, now with links to the sections of the case page where each step is recorded.
import { forwardRef } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/context';
import type { NextStep } from './nextSteps';
import { NextStepsList } from './NextStepsList';
import type { Progress } from './submit';

export const DonePanel = forwardRef<HTMLHeadingElement, { progress: Progress; steps: readonly NextStep[] }>(
  function DonePanel({ progress, steps }, ref) {
    const { t } = useI18n();
    const caseId = progress.caseId ?? '';
    return (
      <section aria-labelledby="guide-done-title">
        <h2 id="guide-done-title" ref={ref} tabIndex={-1}>{t('guide.done.title', { code: progress.caseCode ?? '' })}</h2>
        <p className="alert alert--success">{t('guide.done.person', { code: progress.personCode ?? '' })}</p>
        <p>{t('guide.done.intro')}</p>
        <NextStepsList steps={steps} caseId={caseId} />
        <div className="page-actions">
          <Link to={`/cases/${caseId}`} className="button">{t('guide.done.open', { code: progress.caseCode ?? '' })}</Link>
          <Link to="/cases" className="button button--secondary">{t('cases.back')}</Link>
        </div>
      </section>
    );
  },
);
