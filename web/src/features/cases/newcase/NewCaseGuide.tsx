// /cases/new/guide: a step-by-step guide to a new case for someone who has never met a trafficking
// case: the kind of situation, the person (pseudonymous by default; the child track when the person
// may be under 18), the indicators with what they mean, what to do next, and a review that creates
// everything at once. The draft stays in this component's state while the user moves between steps
// (never in browser storage: it holds personal data); focus moves to the step's heading on each move.
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { geoApi } from '../../../api/endpoints';
import { useApi } from '../../../api/useApi';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { useFormProblems, type FormField, type FormProblem } from '../../../components/formProblems';
import { usePageTitle } from '../../../components/usePageTitle';
import { useI18n } from '../../../i18n/context';
import { recordApi } from '../caseWorkApi';
import { todayInSweden } from '../useCaseWork';
import { DonePanel } from './DonePanel';
import {
  emptyDraft, indicatorProblems, personProblems, planFrom, possiblyChild, reportProblems, visibleIndicators, type GuideDraft,
} from './draft';
import { IndicatorsStep } from './IndicatorsStep';
import { nextSteps, nextStepsInput } from './nextSteps';
import { NextStepsStep } from './NextStepsStep';
import { OutcomePanel } from './OutcomePanel';
import { PersonStep } from './PersonStep';
import { ReviewStep } from './ReviewStep';
import { StepIndicator } from './StepIndicator';
import type { StepProps } from './stepProps';
import { FIELD_IDS, STEPS } from './steps';
import { noProgress, submitGuide, type PartOutcome, type Progress } from './submit';
import { TypeStep } from './TypeStep';

const loadChecklist = (signal: AbortSignal) => recordApi.checklist(signal);
const loadMunicipalities = (signal: AbortSignal) => geoApi.municipalities(signal);
const LAST = STEPS.length - 1;

export function NewCaseGuide() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  usePageTitle(t('guide.title'));
  const today = todayInSweden();
  const [initialDraft] = useState<GuideDraft>(emptyDraft);
  const [draft, setDraft] = useState<GuideDraft>(initialDraft);
  const [index, setIndex] = useState(0);
  const [reached, setReached] = useState(0);
  // Each move or send bumps `moves`; the effect below then focuses what it names ('summary': the
  // error summary takes the focus itself).
  const [moves, setMoves] = useState<{ n: number; target: 'heading' | 'summary' | 'outcome' | 'done' }>({ n: 0, target: 'heading' });
  const [progress, setProgress] = useState<Progress>(noProgress);
  const [outcomes, setOutcomes] = useState<PartOutcome[] | null>(null);
  const [busy, setBusy] = useState(false);
  const checklist = useApi(loadChecklist);
  const municipalities = useApi(loadMunicipalities);
  const heading = useRef<HTMLHeadingElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const child = possiblyChild(draft, today);
  const finished = outcomes !== null && outcomes.every((o) => o.status === 'done');

  const fields: Record<string, FormField> = {};
  const label = (field: string) => {
    const keys: Record<string, string> = {
      type: 'guide.type.question', 'names.latin': 'guide.person.latin', 'date_of_birth.date': 'guide.person.dob',
      'date_of_birth.age_min': 'person.field.ageMin', 'date_of_birth.age_max': 'person.field.ageMax',
      may_be_child: 'guide.child.question', conclusion: 'assessment.field.conclusion', grounds: 'assessment.field.grounds',
      on: 'guide.report.on', municipality: 'guide.report.municipality', report: 'guide.report.question',
    };
    return i18n.tDynamic(keys[field] ?? '', field);
  };
  for (const [field, id] of Object.entries(FIELD_IDS)) fields[field] = { id, label: label(field) };
  for (const g of checklist.data?.groups ?? []) {
    for (const ind of g.indicators) fields[`evidence.${ind.id}`] = { id: `guide-evidence-${ind.id}`, label: lang === 'sv' ? ind.text_sv : ind.text_en };
  }
  const form = useFormProblems('guide', fields);

  // Focus the new step's heading, the outcome or the result after a move (not on the first render:
  // the page's own focus rules apply then).
  useEffect(() => {
    if (!moves.n || moves.target === 'summary') return;
    const target = moves.target === 'done' ? doneRef : moves.target === 'outcome' ? outcomeRef : heading;
    target.current?.focus();
  }, [moves]);

  // The draft lives only here: ask before a reload or a closed tab throws it away.
  const dirty = draft !== initialDraft && !finished;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => { window.removeEventListener('beforeunload', warn); };
  }, [dirty]);

  const set = (patch: Partial<GuideDraft>) => { setDraft((d) => ({ ...d, ...patch })); };
  const go = (i: number, problems: FormProblem[] = []) => {
    form.setProblems(problems);
    setIndex(i);
    setReached((r) => Math.max(r, i));
    setMoves((m) => ({ n: m.n + 1, target: problems.length ? 'summary' : 'heading' }));
  };
  const problemsOf = (i: number): FormProblem[] => {
    const step = STEPS[i];
    if (step === 'type') return draft.caseType ? [] : [{ field: 'type', rule: 'required', detail: '' }];
    if (step === 'person') return personProblems(draft, today);
    if (step === 'indicators') return indicatorProblems(draft, checklist.data ? visibleIndicators(checklist.data, child) : []);
    if (step === 'next') return reportProblems(draft, child, today);
    return [];
  };

  const submit = async () => {
    const first = STEPS.findIndex((_, i) => problemsOf(i).length > 0);
    if (first >= 0) {
      go(first, problemsOf(first));
      return;
    }
    setBusy(true);
    const run = await submitGuide(planFrom(draft, checklist.data ?? null, today), progress);
    setBusy(false);
    setProgress(run.progress);
    setOutcomes(run.outcomes);
    const target = run.outcomes.every((o) => o.status === 'done') ? 'done' : 'outcome';
    setMoves((m) => ({ n: m.n + 1, target }));
  };
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    if (index === LAST) {
      void submit();
      return;
    }
    const problems = problemsOf(index);
    if (problems.length) form.setProblems(problems);
    else go(index + 1);
  };

  if (finished) {
    return (
      <>
        <h1>{t('guide.title')}</h1>
        <DonePanel ref={doneRef} progress={progress} steps={nextSteps(nextStepsInput(draft, today))} />
      </>
    );
  }
  const props: StepProps = { draft, set, errorsFor: form.errorsFor, today, child, progress };
  const step = STEPS[index] ?? 'type';
  return (
    <>
      <p className="breadcrumb"><Link to="/cases/new">{t('guide.back')}</Link></p>
      <h1>{t('guide.title')}</h1>
      <p className="lead">{t('guide.intro')}</p>
      <StepIndicator index={index} reached={reached} onGo={(i) => { go(i); }} />
      <form noValidate aria-labelledby="guide-step-title" onSubmit={onSubmit}>
        <h2 id="guide-step-title" ref={heading} tabIndex={-1}>
          {t('guide.stepHeading', { n: index + 1, total: STEPS.length, title: i18n.tDynamic(`guide.step.${step}`, step) })}
        </h2>
        <ErrorSummary items={form.summary} focusToken={form.focusToken} />
        {outcomes && step === 'review' ? <OutcomePanel ref={outcomeRef} outcomes={outcomes} progress={progress} onFix={go} /> : null}
        {step === 'type' ? <TypeStep {...props} /> : null}
        {step === 'person' ? <PersonStep {...props} /> : null}
        {step === 'indicators' ? (
          <IndicatorsStep {...props} checklist={checklist.data} checklistError={checklist.error} reload={checklist.reload} />
        ) : null}
        {step === 'next' ? <NextStepsStep {...props} municipalities={municipalities.data?.items ?? []} /> : null}
        {step === 'review' ? (
          <ReviewStep {...props} checklist={checklist.data} municipalities={municipalities.data?.items ?? []} onEdit={(i) => { go(i); }} />
        ) : null}
        <div className="form-actions">
          {index > 0 ? (
            <button type="button" className="button button--secondary" onClick={() => { go(index - 1); }}>{t('guide.action.back')}</button>
          ) : null}
          {index < LAST ? <button type="submit" className="button">{t('guide.action.next')}</button> : (
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('action.saving') : progress.caseId ? t('guide.action.resume') : t('guide.action.create')}
            </button>
          )}
          <Link to="/cases" className="button button--secondary">{t('action.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
