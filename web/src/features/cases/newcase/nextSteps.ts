// What to do next after a first meeting with a person who may be a victim of trafficking: a
// checklist made from the guide's answers, after Sweden's manual for suspected trafficking (2019) and
// the law it rests on. Pure: the texts live in i18n under guide.next.<id>(.body).
import { possiblyChild, type Answer3, type GuideDraft } from './draft';

export interface NextStepsInput {
  /** The person may be under 18 (or nobody knows): the child track applies. */
  child: boolean;
  unaccompanied: Answer3;
  /** Foreign national without a residence permit in Sweden. */
  noPermit: Answer3;
  /** A report of concern has been made (and is recorded by the guide). */
  reportMade: boolean;
  /** Someone doubts the age (the age_disputed indicator, or nobody knows whether the person is a child). */
  ageDisputed: boolean;
  /** The person speaks a language other than Swedish. */
  needsInterpreter: boolean;
  /** A presumed-victim assessment is recorded now. */
  assessed: boolean;
}

export type NextStepId =
  | 'safety' | 'report_of_concern' | 'report_of_concern_recorded' | 'protection_assessment' | 'guardian'
  | 'age_assessment' | 'coordinator' | 'hotline' | 'reflection_period' | 'residence_status' | 'interpreter'
  | 'assessment' | 'assessment_recorded' | 'police_adult' | 'police_child' | 'support';

/** now: before the person leaves you; today: the same day; soon: in the first days. */
export type When = 'now' | 'today' | 'soon';

/** Where on the case page the step is recorded: the id of that section's heading. */
export type CaseSection = 'records-title' | 'child-title' | 'clocks-title' | 'tracks-title' | 'tasks-title';

export interface NextStep {
  id: NextStepId;
  when: When;
  section: CaseSection | null;
  /** Already done in the guide: shown ticked. */
  done: boolean;
}

const step = (id: NextStepId, when: When, section: CaseSection | null, done = false): NextStep => ({ id, when, section, done });

/** The checklist for the answers, most urgent first. Support never depends on a police report. */
export function nextSteps(s: NextStepsInput): NextStep[] {
  const out: NextStep[] = [step('safety', 'now', 'records-title')];
  if (s.child) {
    out.push(s.reportMade
      ? step('report_of_concern_recorded', 'today', 'child-title', true)
      : step('report_of_concern', 'today', 'child-title'));
    out.push(step('protection_assessment', 'today', 'child-title'));
  }
  out.push(step('coordinator', 'today', null), step('hotline', 'today', null));
  if (s.child && s.unaccompanied !== 'no') out.push(step('guardian', 'soon', 'child-title'));
  if (s.child && s.ageDisputed) out.push(step('age_assessment', 'soon', 'child-title'));
  if (s.noPermit === 'yes') out.push(step('reflection_period', 'soon', 'clocks-title'));
  if (s.noPermit === 'unknown') out.push(step('residence_status', 'soon', 'clocks-title'));
  if (s.needsInterpreter) out.push(step('interpreter', 'soon', 'records-title'));
  out.push(s.assessed ? step('assessment_recorded', 'soon', 'records-title', true) : step('assessment', 'soon', 'records-title'));
  out.push(step('support', 'soon', 'tracks-title'));
  out.push(step(s.child ? 'police_child' : 'police_adult', 'soon', null));
  return out;
}

/** The checklist's input from the guide's draft on `today`. */
export function nextStepsInput(d: GuideDraft, today: string): NextStepsInput {
  const child = possiblyChild(d, today);
  return {
    child,
    unaccompanied: d.unaccompanied,
    noPermit: d.noPermit,
    reportMade: child && d.report === 'made',
    ageDisputed: d.mayBeChild === 'unknown' || d.answers['child.age_disputed']?.answer === 'yes',
    needsInterpreter: d.languages.some((l) => l !== 'swe'),
    assessed: d.assess,
  };
}
