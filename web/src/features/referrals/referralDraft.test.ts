// The referral dialog's model: which consents cover a draft, which bases fit the recipient, what each step
// lacks, where a server problem belongs, and the body sent.
import { describe, expect, it } from 'vitest';
import type { BasisRule, LedgerConsent } from '../../api/referralTypes';
import { inboxApiQuery, inboxFiltersFromParams, paramsFromInboxFilters } from './inboxQuery';
import {
  addDays, basesWithoutConsent, coveringConsents, emptyDraft, narrowerConsents, referralBody, stepOfField, stepProblems,
  supportNeverDependsOnReporting, usualFirst, type ReferralDraft,
} from './referralDraft';

const consent = (patch: Partial<LedgerConsent>): LedgerConsent => ({
  id: 'c1', case_id: 'k1', person_id: 'p1', person_code: 'P-2026-000123', recipient_organisation_id: 'org-rc',
  recipient_name: 'Regionkoordinator Nord', purpose: 'support', sections: ['identity', 'contact', 'needs_safety'],
  given_on: '2026-11-20', form: 'spoken', language: 'ukr', interpreter: null, note: '', taken_by: 'u1', status: 'given',
  revoked_on: null, revoked_by: null, revocation_reason: null, recorded_at: '2026-11-20T10:00:00Z', version: 1, ...patch,
});
const basis = (code: string, patch: Partial<BasisRule> = {}): BasisRule => ({
  code, title_sv: code, title_en: code, legal_reference_sv: 'OSL', legal_reference_en: 'OSL', justification_required: true,
  recipient_kinds: [], child_only: false, immediate_danger_only: false, needs_check: true, valid_from: '2009-06-30', valid_to: null,
  ...patch,
});
const draft = (patch: Partial<ReferralDraft>): ReferralDraft => ({
  ...emptyDraft('p1'), purpose: 'support', recipient: { id: 'org-rc', name: 'Regionkoordinator Nord', kind: 'regional_coordinator' },
  sections: ['identity', 'contact'], ...patch,
});

describe('consents for a draft', () => {
  it('offers only consents of this person, recipient and purpose, in force, that cover every chosen section', () => {
    const list = [
      consent({ id: 'ok' }),
      consent({ id: 'revoked', status: 'revoked', revoked_on: '2026-11-25' }),
      consent({ id: 'other-person', person_id: 'p2' }),
      consent({ id: 'other-recipient', recipient_organisation_id: 'org-ngo' }),
      consent({ id: 'other-purpose', purpose: 'shelter' }),
      consent({ id: 'narrow', sections: ['identity'] }),
    ];
    expect(coveringConsents(list, draft({})).map((c) => c.id)).toEqual(['ok']);
    expect(narrowerConsents(list, draft({})).map((c) => c.id)).toEqual(['narrow']);
    expect(coveringConsents(list, draft({ recipient: null }))).toEqual([]);
  });
});

describe('bases without consent', () => {
  it('leaves out consent and the bases that do not let data go to the recipient kind', () => {
    const bases = [
      basis('consent'), basis('own_task_necessity'),
      basis('crime_suspicion', { recipient_kinds: ['police_region', 'prosecution_authority'] }),
      basis('duty_to_report_child', { recipient_kinds: ['municipal_social_services'], child_only: true }),
    ];
    expect(basesWithoutConsent(bases, 'municipal_social_services').map((b) => b.code)).toEqual(['own_task_necessity', 'duty_to_report_child']);
    expect(basesWithoutConsent(bases, 'police_region').map((b) => b.code)).toEqual(['own_task_necessity', 'crime_suspicion']);
    expect(basesWithoutConsent(bases, undefined).map((b) => b.code)).toEqual(['own_task_necessity']);
  });

  it('tells an NGO or IOM sending to the police or prosecution that support never depends on reporting', () => {
    expect(supportNeverDependsOnReporting('ngo_shelter', 'police_region')).toBe(true);
    expect(supportNeverDependsOnReporting('iom', 'prosecution_authority')).toBe(true);
    expect(supportNeverDependsOnReporting('municipal_social_services', 'police_region')).toBe(false);
    expect(supportNeverDependsOnReporting('ngo_shelter', 'iom')).toBe(false);
    expect(supportNeverDependsOnReporting('ngo_shelter', undefined)).toBe(false);
  });
});

describe('the steps', () => {
  it('orders the usual recipient kinds first, stable otherwise', () => {
    const orgs = [{ kind: 'police_region', n: 1 }, { kind: 'iom', n: 2 }, { kind: 'ngo_shelter', n: 3 }, { kind: 'iom', n: 4 }];
    expect(usualFirst(orgs, ['ngo_shelter', 'iom']).map((o) => o.n)).toEqual([3, 2, 4, 1]);
  });

  it('names what each step lacks, as the server would', () => {
    expect(stepProblems(0, emptyDraft(), []).map((p) => p.field)).toEqual(['person_id', 'purpose', 'recipient_organisation_id']);
    expect(stepProblems(1, draft({ sections: [] }), []).map((p) => p.rule)).toEqual(['required']);
    const bases = [basis('consent', { justification_required: false }), basis('vital_interests', { immediate_danger_only: true })];
    expect(stepProblems(2, draft({ basis: '' }), bases).map((p) => p.rule)).toEqual(['no_basis']);
    expect(stepProblems(2, draft({ basis: 'consent:c1' }), bases)).toEqual([]);
    expect(stepProblems(2, draft({ basis: 'vital_interests' }), bases).map((p) => p.field)).toEqual(['justification', 'immediate_danger']);
    expect(stepProblems(2, draft({ basis: 'vital_interests', justification: 'Hotad i dag.', immediateDanger: true }), bases)).toEqual([]);
  });

  it('stops an NGO sending support records to the police without consent unless the person is in immediate danger', () => {
    const bases = [basis('consent', { justification_required: false }), basis('vital_interests', { immediate_danger_only: true, justification_required: false }), basis('own_task_necessity', { justification_required: false })];
    const police = { id: 'org-pol', name: 'Polisregion Nord', kind: 'police_region' };
    const toPolice = (patch: Partial<ReferralDraft>) => draft({ recipient: police, sections: ['identity', 'support'], ...patch });
    const rules = (d: ReferralDraft, sender: string) => stepProblems(2, d, bases, sender).map((p) => p.rule);
    expect(rules(toPolice({ basis: 'vital_interests' }), 'ngo_shelter')).toEqual(['basis_needs_immediate_danger', 'support_records_to_police_need_consent']);
    expect(rules(toPolice({ basis: 'vital_interests', immediateDanger: true }), 'ngo_shelter')).toEqual([]);
    expect(rules(toPolice({ basis: 'consent:c1' }), 'iom')).toEqual([]);
    expect(rules(toPolice({ basis: 'vital_interests', immediateDanger: true, sections: ['identity'] }), 'iom')).toEqual([]);
    // A public authority sends under the Secrecy Act: this rule is not its.
    expect(rules(toPolice({ basis: 'own_task_necessity' }), 'municipal_social_services')).toEqual([]);
  });

  it('puts each problem the server names on its step', () => {
    expect(stepOfField('recipient_organisation_id')).toBe(0);
    expect(stepOfField('sections[2]')).toBe(1);
    expect(stepOfField('consent_id')).toBe(2);
    expect(stepOfField('basis')).toBe(2);
    expect(stepOfField('delivery')).toBe(3);
    expect(stepOfField('')).toBe(3);
  });

  it('sends a consent basis with its consent, and another basis with its justification', () => {
    expect(referralBody(draft({ basis: 'consent:c1', justification: 'ignored', delivery: 'other_means' }))).toEqual({
      person_id: 'p1', recipient_organisation_id: 'org-rc', purpose: 'support', sections: ['identity', 'contact'],
      basis: 'consent', consent_id: 'c1', delivery: 'other_means',
    });
    expect(referralBody(draft({ basis: 'vital_interests', justification: ' Hotad. ', immediateDanger: true }))).toEqual({
      person_id: 'p1', recipient_organisation_id: 'org-rc', purpose: 'support', sections: ['identity', 'contact'],
      basis: 'vital_interests', justification: 'Hotad.', immediate_danger: true,
    });
  });

  it('adds days to a civil date', () => {
    expect(addDays('2026-11-29', 2)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('the inbox filters', () => {
  it('round-trips the URL and builds the API query', () => {
    const f = inboxFiltersFromParams(new URLSearchParams('status=sent&purpose=shelter&from=org-kom&due_by=2026-12-01&page=2'));
    expect(f).toEqual({ status: 'sent', purpose: 'shelter', from: 'org-kom', dueBy: '2026-12-01', page: 1 });
    expect(paramsFromInboxFilters(f).toString()).toBe('status=sent&purpose=shelter&from=org-kom&due_by=2026-12-01&page=2');
    expect(inboxApiQuery(f)).toEqual({ status: 'sent', purpose: 'shelter', from: 'org-kom', due_by: '2026-12-01', limit: 50, offset: 50 });
    expect(inboxApiQuery(inboxFiltersFromParams(new URLSearchParams('')))).toEqual({
      status: undefined, purpose: undefined, from: undefined, due_by: undefined, limit: 50, offset: 0,
    });
  });
});
