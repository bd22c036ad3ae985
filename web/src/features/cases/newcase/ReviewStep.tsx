// Step 5: everything the guide will send, in words, each with a way back to change it. One action
// (in the guide's buttons) creates the case with the person (with the residence permit and, for a
// child, whether unaccompanied), the indicators, the assessment and a child's report of concern.
import { Fragment } from 'react';
import type { Municipality } from '../../../api/types';
import { useI18n } from '../../../i18n/context';
import { useLanguageNames } from '../../orgs/useLanguageNames';
import type { IndicatorChecklist } from '../caseWorkTypes';
import { caseTypeLabel } from '../labels';
import { visibleIndicators } from './draft';
import type { StepProps } from './stepProps';
import { STEPS, type StepId } from './steps';

export function ReviewStep(p: StepProps & {
  checklist: IndicatorChecklist | undefined; municipalities: readonly Municipality[]; onEdit: (i: number) => void;
}) {
  const { draft: d, child, checklist } = p;
  const i18n = useI18n();
  const { t, formatDate, lang } = i18n;
  const languageName = useLanguageNames(d.languages, lang);
  const answer3 = (v: string) => (v ? i18n.tDynamic(`guide.answer.${v}`, v) : t('guide.review.notAnswered'));
  const visible = checklist ? visibleIndicators(checklist, child) : [];
  const count = (a: string) => visible.filter((id) => d.answers[id]?.answer === a).length;
  const age = d.dobMode === 'date' ? d.dob : d.dobMode === 'estimate'
    ? t('guide.review.ageRange', { min: d.ageMin, max: d.ageMax }) : t('guide.review.ageUnknown');
  const municipality = p.municipalities.find((m) => m.code === d.reportMunicipality)?.name ?? d.reportMunicipality;
  const rows: [string, string, StepId][] = [
    [t('case.field.type'), caseTypeLabel(i18n, d.caseType), 'type'],
    [t('guide.review.name'), d.latin.trim() ? `${d.latin.trim()}${d.original.trim() ? ` (${d.original.trim()})` : ''}` : t('guide.review.noName'), 'person'],
    [t('guide.review.age'), age, 'person'],
    [t('guide.child.question'), answer3(d.mayBeChild), 'person'],
    ...(child ? [[t('guide.unaccompanied.question'), answer3(d.unaccompanied), 'person'] as [string, string, StepId]] : []),
    [t('guide.permit.question'), answer3(d.noPermit), 'person'],
    [t('person.field.gender'), d.gender ? i18n.tDynamic(`gender.${d.gender}`, d.gender) : t('person.notGiven'), 'person'],
    [t('person.field.languages'), d.languages.map(languageName).join(', ') || t('person.notGiven'), 'person'],
    [t('indicators.title'), t('guide.review.indicators', { yes: count('yes'), no: count('no'), unknown: count('not_known') }), 'indicators'],
    [t('assessment.title'), d.assess ? i18n.tDynamic(`assessment.conclusion.${d.conclusion}`, d.conclusion) : t('guide.review.assessLater'), 'indicators'],
    ...(child ? [[t('guide.report.title'), d.report === 'made'
      ? t('guide.review.reportMade', { on: d.reportOn ? formatDate(d.reportOn) : '', municipality })
      : t('guide.review.reportNotYet'), 'next'] as [string, string, StepId]] : []),
  ];
  return (
    <>
      <p>{t('guide.review.intro')}</p>
      <dl className="details">
        {rows.map(([term, value, step]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>
              {value}{' '}
              <button type="button" className="button button--link" onClick={() => { p.onEdit(STEPS.indexOf(step)); }}>
                {t('guide.review.change')}<span className="visually-hidden">: {term}</span>
              </button>
            </dd>
          </Fragment>
        ))}
      </dl>
      <p>{t('guide.review.privacy')}</p>
    </>
  );
}
