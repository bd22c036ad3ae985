// What the user has typed into the new-case guide so far, and the pure rules over it: whether the
// person may be a child, the problems each step finds before going on, and the request bodies the
// guide sends when it creates the case. The draft lives in the guide's React state only: it holds
// names and other personal data, so it is never written to browser storage.
import type { CasePersonInput, ResidencePermit } from '../../../api/caseTypes';
import type { FormProblem } from '../../../components/formProblems';
import type { Assessment, ChildTrackEntry, IndicatorChecklist, IndicatorsAssessment } from '../caseWorkTypes';

/** An answer to a yes/no question where "do not know" is a real answer; '' = not answered yet. */
export type Answer3 = '' | 'yes' | 'no' | 'unknown';

export interface IndicatorDraft {
  /** yes | no | not_known, or '' when not answered. */
  answer: string;
  evidence: string;
}

export interface GuideDraft {
  caseType: string;
  latin: string;
  original: string;
  dobMode: 'unknown' | 'date' | 'estimate';
  dob: string;
  ageMin: string;
  ageMax: string;
  mayBeChild: Answer3;
  unaccompanied: Answer3;
  gender: string;
  /** Is the person a foreign national without a residence permit in Sweden? */
  noPermit: Answer3;
  languages: string[];
  answers: Record<string, IndicatorDraft>;
  assess: boolean;
  conclusion: string;
  grounds: string;
  /** For a child: has a report of concern been made? */
  report: '' | 'made' | 'not_yet';
  reportOn: string;
  reportMunicipality: string;
}

export const emptyDraft = (): GuideDraft => ({
  caseType: '', latin: '', original: '', dobMode: 'unknown', dob: '', ageMin: '', ageMax: '', mayBeChild: '',
  unaccompanied: '', gender: '', noPermit: '', languages: [], answers: {}, assess: false, conclusion: '',
  grounds: '', report: '', reportOn: '', reportMunicipality: '',
});

const DATE = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$/;
const FULL_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** The last day a partial date ("2009", "2009-05", "2009-05-17") allows, as [y, m, d]; null if malformed. */
function latestDay(date: string): [number, number, number] | null {
  const m = DATE.exec(date.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 12;
  if (month < 1 || month > 12) return null;
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : last;
  if (day < 1 || day > last) return null;
  return [y, month, day];
}

/** Whether the date of birth typed allows the person to be under 18 on `today` (YYYY-MM-DD). */
export function birthSaysChild(d: GuideDraft, today: string): boolean {
  if (d.dobMode === 'estimate') {
    const min = Number(d.ageMin);
    return d.ageMin.trim() !== '' && Number.isInteger(min) && min < 18;
  }
  if (d.dobMode !== 'date' || !d.dob.trim()) return false;
  const born = latestDay(d.dob);
  if (!born) return false;
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = born;
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return age < 18;
}

/** The child track applies: the person says or may be under 18, nobody knows, or the birth date allows it. */
export function possiblyChild(d: GuideDraft, today: string): boolean {
  return d.mayBeChild === 'yes' || d.mayBeChild === 'unknown' || birthSaysChild(d, today);
}

const ageOk = (s: string) => s.trim() !== '' && Number.isInteger(Number(s)) && Number(s) >= 0 && Number(s) <= 120;

/** Problems of step 2 (the person) found before going on. */
export function personProblems(d: GuideDraft, today: string): FormProblem[] {
  const out: FormProblem[] = [];
  const p = (field: string, rule: string) => out.push({ field, rule, detail: '' });
  if (!d.latin.trim() && d.original.trim()) p('names.latin', 'required');
  if (d.dobMode === 'date') {
    if (!d.dob.trim()) p('date_of_birth.date', 'required');
    else if (!latestDay(d.dob)) p('date_of_birth.date', 'format');
  }
  if (d.dobMode === 'estimate') {
    if (!ageOk(d.ageMin)) p('date_of_birth.age_min', 'range');
    if (!ageOk(d.ageMax)) p('date_of_birth.age_max', 'range');
    if (ageOk(d.ageMin) && ageOk(d.ageMax) && Number(d.ageMin) > Number(d.ageMax)) p('date_of_birth.age_max', 'order');
  }
  if (!d.mayBeChild) p('may_be_child', 'required');
  else if (d.mayBeChild === 'no' && birthSaysChild(d, today)) p('may_be_child', 'contradicts_birth');
  return out;
}

/** Problems of step 3 (indicators and the optional assessment). `visible` are the indicator ids shown. */
export function indicatorProblems(d: GuideDraft, visible: readonly string[]): FormProblem[] {
  const out: FormProblem[] = [];
  for (const id of visible) {
    const a = d.answers[id];
    if (a?.answer === 'yes' && !a.evidence.trim()) out.push({ field: `evidence.${id}`, rule: 'evidence_required', detail: '' });
  }
  if (d.assess) {
    if (!d.conclusion) out.push({ field: 'conclusion', rule: 'required', detail: '' });
    if (!d.grounds.trim()) out.push({ field: 'grounds', rule: 'required', detail: '' });
  }
  return out;
}

/** Problems of step 4 (a report of concern already made, for a child). */
export function reportProblems(d: GuideDraft, child: boolean, today: string): FormProblem[] {
  if (!child || d.report !== 'made') return [];
  const out: FormProblem[] = [];
  if (!FULL_DATE.test(d.reportOn)) out.push({ field: 'on', rule: 'required', detail: '' });
  else if (d.reportOn > today) out.push({ field: 'on', rule: 'in_future', detail: '' });
  if (!d.reportMunicipality) out.push({ field: 'municipality', rule: 'required', detail: '' });
  return out;
}

/** The indicator ids the guide asks about: the children's group only while the person may be a child. */
export function visibleIndicators(checklist: IndicatorChecklist, child: boolean): string[] {
  return checklist.groups.filter((g) => child || !g.children_only).flatMap((g) => g.indicators.map((i) => i.id));
}

/** What the guide sends, part by part; null parts are not sent. */
export interface GuidePlan {
  caseType: string;
  person: CasePersonInput;
  indicators: IndicatorsAssessment | null;
  assessment: Assessment | null;
  report: ChildTrackEntry | null;
}

/**
 * The person's residence permit from "a foreign national without a residence permit?": yes → none.
 * "No" is either a permit or a Swedish citizen (who has none and needs none), so it records nothing:
 * the person form says which, with the citizenships.
 */
export function residencePermitFrom(noPermit: Answer3): ResidencePermit {
  if (noPermit === 'yes') return 'none';
  return 'unknown';
}

/** The request bodies for the draft on `today` (YYYY-MM-DD, Swedish calendar). */
export function planFrom(d: GuideDraft, checklist: IndicatorChecklist | null, today: string): GuidePlan {
  const child = possiblyChild(d, today);
  const person: CasePersonInput = { role: 'presumed_victim' };
  if (d.latin.trim()) person.names = [{ kind: 'name', latin: d.latin.trim(), ...(d.original.trim() ? { original: d.original.trim() } : {}) }];
  if (d.dobMode === 'date' && d.dob.trim()) person.date_of_birth = { date: d.dob.trim() };
  if (d.dobMode === 'estimate') person.date_of_birth = { age_min: Number(d.ageMin), age_max: Number(d.ageMax), estimated_on: today };
  // In doubt a person is treated as a child; without a birth date only the claim lets the child track apply.
  if (d.mayBeChild === 'yes' || (d.mayBeChild === 'unknown' && !birthSaysChild(d, today))) person.claimed_minor = true;
  if (d.gender) person.gender = d.gender;
  if (d.languages.length) person.languages = d.languages;
  // Unknown is the server's default; only a child answered "yes" is recorded as unaccompanied.
  const permit = residencePermitFrom(d.noPermit);
  if (permit !== 'unknown') person.residence_permit = permit;
  if (child && d.unaccompanied === 'yes') person.unaccompanied = true;

  const visible = checklist ? visibleIndicators(checklist, child) : [];
  const answers = visible.filter((id) => d.answers[id]?.answer)
    .map((id) => ({ indicator_id: id, answer: d.answers[id]?.answer ?? '', evidence: d.answers[id]?.evidence.trim() ?? '' }));
  const indicators = checklist && answers.length ? { catalog_version: checklist.version, assessed_on: today, answers } : null;
  const assessment = d.assess ? { conclusion: d.conclusion, assessed_on: today, grounds: d.grounds.trim() } : null;
  const report = child && d.report === 'made'
    ? { kind: 'report_of_concern', on: d.reportOn, municipality: d.reportMunicipality } : null;
  return { caseType: d.caseType, person, indicators, assessment, report };
}

/** How many indicators were answered yes (of those asked). */
export function yesCount(d: GuideDraft, visible: readonly string[]): number {
  return visible.filter((id) => d.answers[id]?.answer === 'yes').length;
}
