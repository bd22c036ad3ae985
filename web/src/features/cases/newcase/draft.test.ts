import { describe, expect, it } from 'vitest';
import type { IndicatorChecklist } from '../caseWorkTypes';
import {
  birthSaysChild, emptyDraft, indicatorProblems, personProblems, planFrom, possiblyChild, reportProblems, residencePermitFrom,
  visibleIndicators,
  type GuideDraft,
} from './draft';

const today = '2026-11-29';
const draft = (patch: Partial<GuideDraft>): GuideDraft => ({ ...emptyDraft(), ...patch });
const checklist: IndicatorChecklist = {
  version: '2026-1', valid_from: '2026-01-01', sources: [], answers: ['yes', 'no', 'not_known'],
  groups: [
    { id: 'control', name_en: 'Control', name_sv: 'Kontroll', children_only: false, indicators: [{ id: 'control.violence', text_en: 'V', text_sv: 'V' }] },
    { id: 'child_specific', name_en: 'Children', name_sv: 'Barn', children_only: true, indicators: [{ id: 'child.goes_missing', text_en: 'M', text_sv: 'M' }] },
  ],
};
const rules = (ps: { field: string; rule: string }[]) => ps.map((p) => `${p.field}:${p.rule}`);

describe('who may be a child', () => {
  it.each([
    ['a full date 17 years ago, birthday tomorrow', draft({ dobMode: 'date', dob: '2008-11-30' }), true],
    ['a full date exactly 18 years ago', draft({ dobMode: 'date', dob: '2008-11-29' }), false],
    ['only the year 2008 (may be born in December)', draft({ dobMode: 'date', dob: '2008' }), true],
    ['only the year 2007', draft({ dobMode: 'date', dob: '2007' }), false],
    ['year and month 2008-12', draft({ dobMode: 'date', dob: '2008-12' }), true],
    ['an estimate 16 to 19', draft({ dobMode: 'estimate', ageMin: '16', ageMax: '19' }), true],
    ['an estimate 18 to 25', draft({ dobMode: 'estimate', ageMin: '18', ageMax: '25' }), false],
    ['nothing known', draft({}), false],
    ['a malformed date', draft({ dobMode: 'date', dob: '2008-13' }), false],
  ])('%s', (_what, d, expected) => {
    expect(birthSaysChild(d, today)).toBe(expected);
  });

  it('applies the child track when the person says so, nobody knows, or the birth date allows it', () => {
    expect(possiblyChild(draft({ mayBeChild: 'yes' }), today)).toBe(true);
    expect(possiblyChild(draft({ mayBeChild: 'unknown' }), today)).toBe(true);
    expect(possiblyChild(draft({ mayBeChild: 'no' }), today)).toBe(false);
    expect(possiblyChild(draft({ mayBeChild: '', dobMode: 'date', dob: '2012' }), today)).toBe(true);
  });
});

describe('the problems each step finds', () => {
  it('requires the child question and refuses a "no" the birth date contradicts', () => {
    expect(rules(personProblems(draft({}), today))).toEqual(['may_be_child:required']);
    expect(rules(personProblems(draft({ mayBeChild: 'no', dobMode: 'date', dob: '2010' }), today))).toEqual(['may_be_child:contradicts_birth']);
    expect(personProblems(draft({ mayBeChild: 'no' }), today)).toEqual([]);
  });

  it('checks the date of birth and the age range', () => {
    expect(rules(personProblems(draft({ mayBeChild: 'yes', dobMode: 'date', dob: '' }), today))).toEqual(['date_of_birth.date:required']);
    expect(rules(personProblems(draft({ mayBeChild: 'yes', dobMode: 'date', dob: '17/05/2009' }), today))).toEqual(['date_of_birth.date:format']);
    expect(rules(personProblems(draft({ mayBeChild: 'yes', dobMode: 'estimate', ageMin: '17', ageMax: '15' }), today)))
      .toEqual(['date_of_birth.age_max:order']);
    expect(rules(personProblems(draft({ mayBeChild: 'yes', dobMode: 'estimate', ageMin: '', ageMax: '200' }), today)))
      .toEqual(['date_of_birth.age_min:range', 'date_of_birth.age_max:range']);
    expect(rules(personProblems(draft({ mayBeChild: 'yes', original: 'Олена' }), today))).toEqual(['names.latin:required']);
  });

  it('asks for evidence for a yes, and grounds for an assessment', () => {
    const d = draft({ answers: { 'control.violence': { answer: 'yes', evidence: ' ' } }, assess: true });
    expect(rules(indicatorProblems(d, ['control.violence'])))
      .toEqual(['evidence.control.violence:evidence_required', 'conclusion:required', 'grounds:required']);
    expect(indicatorProblems(d, [])).toHaveLength(2);
  });

  it('checks a report of concern only for a child whose report is made', () => {
    const d = draft({ report: 'made', reportOn: '2026-11-30', reportMunicipality: '' });
    expect(rules(reportProblems(d, true, today))).toEqual(['on:in_future', 'municipality:required']);
    expect(reportProblems(d, false, today)).toEqual([]);
    expect(reportProblems({ ...d, report: 'not_yet' }, true, today)).toEqual([]);
  });
});

describe('the plan the guide sends', () => {
  it('keeps a person pseudonymous without a name and sends only what was answered', () => {
    const plan = planFrom(draft({ caseType: 'human_exploitation', mayBeChild: 'no' }), checklist, today);
    expect(plan).toEqual({ caseType: 'human_exploitation', person: { role: 'presumed_victim' }, indicators: null, assessment: null, report: null });
  });

  it('sends a child with the claim, the children’s indicators, the assessment and the report of concern', () => {
    const d = draft({
      caseType: 'trafficking_in_human_beings', latin: ' Ana Test ', original: '', mayBeChild: 'yes', dobMode: 'estimate', ageMin: '15', ageMax: '17',
      languages: ['ron'], answers: { 'control.violence': { answer: 'no', evidence: '' }, 'child.goes_missing': { answer: 'yes', evidence: ' Rymmer ' } },
      assess: true, conclusion: 'presumed_victim', grounds: ' Tecken ', report: 'made', reportOn: '2026-11-28', reportMunicipality: '2584',
    });
    const plan = planFrom(d, checklist, today);
    expect(plan.person).toEqual({
      role: 'presumed_victim', names: [{ kind: 'name', latin: 'Ana Test' }], claimed_minor: true,
      date_of_birth: { age_min: 15, age_max: 17, estimated_on: today }, languages: ['ron'],
    });
    expect(plan.indicators).toEqual({ catalog_version: '2026-1', assessed_on: today, answers: [
      { indicator_id: 'control.violence', answer: 'no', evidence: '' },
      { indicator_id: 'child.goes_missing', answer: 'yes', evidence: 'Rymmer' },
    ] });
    expect(plan.assessment).toEqual({ conclusion: 'presumed_victim', assessed_on: today, grounds: 'Tecken' });
    expect(plan.report).toEqual({ kind: 'report_of_concern', on: '2026-11-28', municipality: '2584' });
  });

  it('drops the children’s answers and the report once the person is an adult', () => {
    const d = draft({ mayBeChild: 'no', answers: { 'child.goes_missing': { answer: 'yes', evidence: 'x' } }, report: 'made', reportOn: today, reportMunicipality: '2584' });
    expect(visibleIndicators(checklist, false)).toEqual(['control.violence']);
    const plan = planFrom(d, checklist, today);
    expect(plan.indicators).toBeNull();
    expect(plan.report).toBeNull();
    expect(plan.person.claimed_minor).toBeUndefined();
  });

  it('treats "do not know" as a possible child even without a birth date', () => {
    expect(planFrom(draft({ mayBeChild: 'unknown' }), checklist, today).person.claimed_minor).toBe(true);
    expect(planFrom(draft({ mayBeChild: 'unknown', dobMode: 'date', dob: '2011' }), checklist, today).person.claimed_minor).toBeUndefined();
  });

  it('records the residence permit from "a foreign national without a permit?": yes is none, no says nothing', () => {
    expect(residencePermitFrom('yes')).toBe('none');
    expect(residencePermitFrom('no')).toBe('unknown'); // a permit, or a Swedish citizen
    expect(residencePermitFrom('unknown')).toBe('unknown');
    expect(residencePermitFrom('')).toBe('unknown');
    expect(planFrom(draft({ mayBeChild: 'no', noPermit: 'yes' }), checklist, today).person.residence_permit).toBe('none');
    // No: a permit or a Swedish citizen, so nothing is recorded (never "has a permit" for a citizen).
    expect(planFrom(draft({ mayBeChild: 'no', noPermit: 'no' }), checklist, today).person.residence_permit).toBeUndefined();
    // Unknown is the server's default: not sent.
    expect(planFrom(draft({ mayBeChild: 'no', noPermit: 'unknown' }), checklist, today).person).toEqual({ role: 'presumed_victim' });
  });

  it('records an unaccompanied child only for a yes while the person may be a child', () => {
    expect(planFrom(draft({ mayBeChild: 'yes', unaccompanied: 'yes' }), checklist, today).person)
      .toEqual({ role: 'presumed_victim', claimed_minor: true, unaccompanied: true });
    expect(planFrom(draft({ mayBeChild: 'unknown', unaccompanied: 'yes' }), checklist, today).person.unaccompanied).toBe(true);
    expect(planFrom(draft({ mayBeChild: 'yes', unaccompanied: 'unknown' }), checklist, today).person.unaccompanied).toBeUndefined();
    expect(planFrom(draft({ mayBeChild: 'yes', unaccompanied: 'no' }), checklist, today).person.unaccompanied).toBeUndefined();
    // Answered while a child, then the person turned out an adult: not sent.
    expect(planFrom(draft({ mayBeChild: 'no', unaccompanied: 'yes' }), checklist, today).person.unaccompanied).toBeUndefined();
  });
});
