// Sends what the guide gathered, part by part: the case, the person, the indicators, the assessment
// and a child's report of concern. The case and the person come first (the rest belongs to them);
// the other parts do not wait for each other. What is done is kept in `Progress`, so that after a
// failure a second run sends only what is still missing, and nothing is created twice.
import type { CasePerson, CasePersonInput, CaseSummary } from '../../../api/caseTypes';
import { caseApi } from '../../../api/endpoints';
import { validationProblems, type FormProblem } from '../../../components/formProblems';
import { childApi, recordApi } from '../caseWorkApi';
import type { Assessment, ChildTrackEntry, IndicatorsAssessment } from '../caseWorkTypes';
import type { GuidePlan } from './draft';

export type PartId = 'case' | 'person' | 'indicators' | 'assessment' | 'report';
export const PARTS: readonly PartId[] = ['case', 'person', 'indicators', 'assessment', 'report'];

/** What exists on the server already. */
export interface Progress {
  caseId: string | null;
  caseCode: string | null;
  personId: string | null;
  personCode: string | null;
  done: PartId[];
}

export const noProgress = (): Progress => ({ caseId: null, caseCode: null, personId: null, personCode: null, done: [] });

/** done: saved now or before; failed: the server refused (problems for a 422, else error); waiting: needs an earlier part. */
export interface PartOutcome {
  part: PartId;
  status: 'done' | 'failed' | 'waiting';
  problems: FormProblem[];
  error: unknown;
}

/** The calls the guide makes; the real ones by default, a fake in tests. */
export interface GuideApi {
  createCase: (type: string) => Promise<Pick<CaseSummary, 'id' | 'code'>>;
  addPerson: (caseId: string, input: CasePersonInput) => Promise<Pick<CasePerson, 'id' | 'code'>>;
  saveIndicators: (caseId: string, personId: string, body: IndicatorsAssessment) => Promise<unknown>;
  saveAssessment: (caseId: string, personId: string, body: Assessment) => Promise<unknown>;
  recordChild: (caseId: string, personId: string, body: ChildTrackEntry) => Promise<unknown>;
}

export const realGuideApi: GuideApi = {
  createCase: (type) => caseApi.create(type),
  addPerson: (caseId, input) => caseApi.addPerson(caseId, input),
  saveIndicators: (caseId, personId, body) => recordApi.saveIndicators(caseId, personId, body),
  saveAssessment: (caseId, personId, body) => recordApi.saveAssessment(caseId, personId, body),
  recordChild: (caseId, personId, body) => childApi.record(caseId, personId, body),
};

/** The parts the plan sends (the optional ones only when filled in). */
export function partsOf(plan: GuidePlan): PartId[] {
  return PARTS.filter((p) => (p === 'indicators' ? plan.indicators : p === 'assessment' ? plan.assessment
    : p === 'report' ? plan.report : true));
}

/** Runs every part of `plan` not yet in `progress.done`; resolves with the new progress and each part's outcome. */
export async function submitGuide(plan: GuidePlan, start: Progress, api: GuideApi = realGuideApi):
Promise<{ progress: Progress; outcomes: PartOutcome[] }> {
  const progress: Progress = { ...start, done: [...start.done] };
  const outcomes: PartOutcome[] = [];
  const ok = (part: PartId) => {
    if (!progress.done.includes(part)) progress.done.push(part);
    outcomes.push({ part, status: 'done', problems: [], error: null });
  };
  const attempt = async (part: PartId, call: () => Promise<void>) => {
    if (progress.done.includes(part)) {
      outcomes.push({ part, status: 'done', problems: [], error: null });
      return true;
    }
    try {
      await call();
      ok(part);
      return true;
    } catch (err) {
      outcomes.push({ part, status: 'failed', problems: validationProblems(err) ?? [], error: err });
      return false;
    }
  };
  const waiting = (parts: PartId[]) => {
    for (const part of parts) outcomes.push({ part, status: 'waiting', problems: [], error: null });
  };
  const later = partsOf(plan).filter((p) => p !== 'case' && p !== 'person');

  const caseMade = await attempt('case', async () => {
    const c = await api.createCase(plan.caseType);
    progress.caseId = c.id;
    progress.caseCode = c.code;
  });
  const caseId = progress.caseId;
  if (!caseMade || !caseId) {
    waiting(['person', ...later]);
    return { progress, outcomes };
  }
  const personMade = await attempt('person', async () => {
    const p = await api.addPerson(caseId, plan.person);
    progress.personId = p.id;
    progress.personCode = p.code;
  });
  const personId = progress.personId;
  if (!personMade || !personId) {
    waiting(later);
    return { progress, outcomes };
  }
  for (const part of later) {
    await attempt(part, async () => {
      if (part === 'indicators' && plan.indicators) await api.saveIndicators(caseId, personId, plan.indicators);
      if (part === 'assessment' && plan.assessment) await api.saveAssessment(caseId, personId, plan.assessment);
      if (part === 'report' && plan.report) await api.recordChild(caseId, personId, plan.report);
    });
  }
  return { progress, outcomes };
}
