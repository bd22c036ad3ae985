import { describe, expect, it } from 'vitest';
import { emptyDraft } from './draft';
import { nextSteps, nextStepsInput, type NextStepId, type NextStepsInput } from './nextSteps';

const adult: NextStepsInput = {
  child: false, unaccompanied: '', noPermit: 'no', reportMade: false, ageDisputed: false, needsInterpreter: false, assessed: false,
};
const child: NextStepsInput = { ...adult, child: true };
const ids = (s: NextStepsInput) => nextSteps(s).map((x) => x.id);

describe('nextSteps', () => {
  const table: [string, NextStepsInput, NextStepId[], NextStepId[]][] = [
    // [what, input, must contain, must not contain]
    ['an adult Swedish citizen', adult,
      ['safety', 'coordinator', 'hotline', 'assessment', 'support', 'police_adult'],
      ['report_of_concern', 'protection_assessment', 'guardian', 'reflection_period', 'residence_status', 'police_child', 'interpreter']],
    ['an adult foreign national without a permit', { ...adult, noPermit: 'yes' }, ['reflection_period', 'police_adult'], ['residence_status']],
    ['an adult whose right to stay is unknown', { ...adult, noPermit: 'unknown' }, ['residence_status'], ['reflection_period']],
    ['a child, no report yet', child,
      ['report_of_concern', 'protection_assessment', 'guardian', 'police_child'], ['report_of_concern_recorded', 'police_adult']],
    ['a child whose report is made', { ...child, reportMade: true }, ['report_of_concern_recorded', 'protection_assessment'], ['report_of_concern']],
    ['a child with a parent here', { ...child, unaccompanied: 'no' }, ['report_of_concern'], ['guardian']],
    ['a child, unaccompanied unknown', { ...child, unaccompanied: 'unknown' }, ['guardian'], []],
    ['a child whose age is disputed', { ...child, ageDisputed: true }, ['age_assessment'], []],
    ['an adult whose age is disputed (no child track)', { ...adult, ageDisputed: true }, [], ['age_assessment']],
    ['a child without a permit', { ...child, noPermit: 'yes' }, ['reflection_period', 'report_of_concern'], []],
    ['someone who needs an interpreter', { ...adult, needsInterpreter: true }, ['interpreter'], []],
    ['an assessment already recorded', { ...adult, assessed: true }, ['assessment_recorded'], ['assessment']],
  ];
  it.each(table)('%s', (_what, input, present, absent) => {
    const got = ids(input);
    for (const id of present) expect(got, id).toContain(id);
    for (const id of absent) expect(got, id).not.toContain(id);
  });

  it('puts safety first and a child’s report of concern before the calls, all today', () => {
    const steps = nextSteps(child);
    expect(steps[0]).toMatchObject({ id: 'safety', when: 'now' });
    expect(steps.map((s) => s.id).indexOf('report_of_concern')).toBeLessThan(steps.map((s) => s.id).indexOf('coordinator'));
    expect(steps.find((s) => s.id === 'report_of_concern')).toMatchObject({ when: 'today', section: 'child-title', done: false });
    expect(steps.find((s) => s.id === 'protection_assessment')?.when).toBe('today');
  });

  it('marks what the guide records as done, and links steps to their case-page section', () => {
    const steps = nextSteps({ ...child, reportMade: true, assessed: true, noPermit: 'yes' });
    expect(steps.filter((s) => s.done).map((s) => s.id).sort()).toEqual(['assessment_recorded', 'report_of_concern_recorded']);
    expect(steps.find((s) => s.id === 'reflection_period')?.section).toBe('clocks-title');
    expect(steps.find((s) => s.id === 'hotline')?.section).toBeNull();
  });

  it('never makes support wait for the police: the police step is always last and never urgent', () => {
    for (const input of [adult, child, { ...adult, noPermit: 'yes' as const }]) {
      const steps = nextSteps(input);
      expect(steps.at(-1)?.id).toMatch(/^police_/);
      expect(steps.at(-1)?.when).toBe('soon');
    }
  });
});

describe('nextStepsInput', () => {
  const today = '2026-11-29';
  it('takes the child track from the age answers and the report only for a child', () => {
    const d = { ...emptyDraft(), mayBeChild: 'no' as const, report: 'made' as const };
    expect(nextStepsInput(d, today)).toMatchObject({ child: false, reportMade: false, ageDisputed: false });
    expect(nextStepsInput({ ...d, mayBeChild: 'unknown' }, today)).toMatchObject({ child: true, reportMade: true, ageDisputed: true });
    expect(nextStepsInput({ ...d, mayBeChild: 'yes', answers: { 'child.age_disputed': { answer: 'yes', evidence: 'x' } } }, today))
      .toMatchObject({ child: true, ageDisputed: true });
  });

  it('asks for an interpreter for any language but Swedish', () => {
    expect(nextStepsInput({ ...emptyDraft(), languages: ['swe'] }, today).needsInterpreter).toBe(false);
    expect(nextStepsInput({ ...emptyDraft(), languages: ['swe', 'ron'] }, today).needsInterpreter).toBe(true);
  });
});
