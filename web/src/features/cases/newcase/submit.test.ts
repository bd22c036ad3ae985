import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/problem';
import type { GuidePlan } from './draft';
import { noProgress, partsOf, submitGuide, type GuideApi } from './submit';

const plan: GuidePlan = {
  caseType: 'trafficking_in_human_beings',
  person: { role: 'presumed_victim', claimed_minor: true },
  indicators: { catalog_version: '2026-1', assessed_on: '2026-11-29', answers: [{ indicator_id: 'control.violence', answer: 'yes', evidence: 'x' }] },
  assessment: { conclusion: 'presumed_victim', assessed_on: '2026-11-29', grounds: 'g' },
  report: { kind: 'report_of_concern', on: '2026-11-29', municipality: '2584' },
};

const invalid = (field: string, rule: string) => new ApiError({
  type: 'https://opennrm.org/problems/validation', title: 'Invalid', status: 422, errors: [{ field, rule, detail: 'bad' }],
}, 'validation');

/** A fake API that records calls and fails the parts named in `fail` (each once, then succeeds). */
function fakeApi(fail: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const failing = new Map(Object.entries(fail));
  const maybe = async <T>(part: string, value: T): Promise<T> => {
    calls.push(part);
    if (failing.has(part)) {
      const err = failing.get(part);
      failing.delete(part);
      throw err;
    }
    return Promise.resolve(value);
  };
  const api: GuideApi = {
    createCase: (type) => maybe(`case:${type}`, { id: 'c1', code: 'NRM-2026-000001' }),
    addPerson: (caseId) => maybe(`person:${caseId}`, { id: 'p1', code: 'P-2026-000001' }),
    saveIndicators: (caseId, personId) => maybe(`indicators:${caseId}/${personId}`, {}),
    saveAssessment: (caseId, personId) => maybe(`assessment:${caseId}/${personId}`, {}),
    recordChild: (caseId, personId) => maybe(`report:${caseId}/${personId}`, {}),
  };
  return { api, calls };
}

describe('submitGuide', () => {
  it('creates the case, adds the person and records every filled-in part', async () => {
    const { api, calls } = fakeApi();
    const run = await submitGuide(plan, noProgress(), api);
    expect(calls).toEqual(['case:trafficking_in_human_beings', 'person:c1', 'indicators:c1/p1', 'assessment:c1/p1', 'report:c1/p1']);
    expect(run.outcomes.map((o) => o.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(run.progress).toEqual({ caseId: 'c1', caseCode: 'NRM-2026-000001', personId: 'p1', personCode: 'P-2026-000001',
      done: ['case', 'person', 'indicators', 'assessment', 'report'] });
  });

  it('sends only the parts that were filled in', async () => {
    const { api, calls } = fakeApi();
    const bare = { ...plan, indicators: null, assessment: null, report: null };
    expect(partsOf(bare)).toEqual(['case', 'person']);
    const run = await submitGuide(bare, noProgress(), api);
    expect(calls).toHaveLength(2);
    expect(run.outcomes.map((o) => o.part)).toEqual(['case', 'person']);
  });

  it('keeps going after one later part fails, names its field and rule, and a second run sends only that part', async () => {
    const { api, calls } = fakeApi({ 'report:c1/p1': invalid('person_id', 'not_child_track') });
    const first = await submitGuide(plan, noProgress(), api);
    const report = first.outcomes.find((o) => o.part === 'report');
    expect(report).toMatchObject({ status: 'failed', problems: [{ field: 'person_id', rule: 'not_child_track', detail: 'bad' }] });
    expect(first.outcomes.filter((o) => o.status === 'done').map((o) => o.part)).toEqual(['case', 'person', 'indicators', 'assessment']);
    expect(first.progress.done).not.toContain('report');

    calls.length = 0;
    const second = await submitGuide(plan, first.progress, api);
    expect(calls).toEqual(['report:c1/p1']);
    expect(second.outcomes.every((o) => o.status === 'done')).toBe(true);
  });

  it('lets the person’s parts wait when the person could not be added; the case exists', async () => {
    const { api, calls } = fakeApi({ 'person:c1': invalid('date_of_birth.date', 'format') });
    const run = await submitGuide(plan, noProgress(), api);
    expect(calls).toEqual(['case:trafficking_in_human_beings', 'person:c1']);
    expect(run.progress.caseId).toBe('c1');
    expect(run.outcomes.map((o) => `${o.part}:${o.status}`))
      .toEqual(['case:done', 'person:failed', 'indicators:waiting', 'assessment:waiting', 'report:waiting']);
  });

  it('creates nothing more when the case itself is refused, and keeps a non-validation error', async () => {
    const forbidden = new ApiError({ type: 'https://opennrm.org/problems/organisation-keeps-no-cases', title: 'No', status: 403, errors: [] }, 'forbidden');
    const { api, calls } = fakeApi({ 'case:trafficking_in_human_beings': forbidden });
    const run = await submitGuide(plan, noProgress(), api);
    expect(calls).toHaveLength(1);
    expect(run.progress.caseId).toBeNull();
    expect(run.outcomes[0]).toMatchObject({ part: 'case', status: 'failed', problems: [], error: forbidden });
    expect(run.outcomes.slice(1).every((o) => o.status === 'waiting')).toBe(true);
  });
});
