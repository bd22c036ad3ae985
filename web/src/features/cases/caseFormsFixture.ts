// What the case page's form tests share: a police investigator's session, a case of a police region
// with one person, its tracks and empty proceedings, two clock rules and a running permit, and a fake
// API answering the case page's reads. Synthetic data only.
import type { UserOrganisation } from '../../api/accountTypes';
import type { Case, CasePerson } from '../../api/caseTypes';
import { sessionOf, userWith, type Handler } from '../../test/fakeApi';
import type { CaseTracks, Clock } from './caseWorkTypes';
import type { ClockRuleVersion } from './clockRules';

/** The first find on a freshly rendered case page waits for a dozen loads: time for a busy machine. */
export const SLOW = { timeout: 5000 };


export const police: UserOrganisation = { id: 'org-pol', name: 'Polisregion Nord', kind: 'police_region' };
export const investigator = sessionOf(userWith(['police_investigator'], police));
export const me = investigator.user.id;
export const CASE_ID = 'fedcba9876543210fedcba9876543210';
export const BASE = `/api/v1/cases/${CASE_ID}`;
export const stored: Case = {
  id: CASE_ID, code: 'NRM-2026-000077', type: 'trafficking_in_human_beings', status: 'open', organisation_id: 'org-pol',
  created_at: '2026-11-20T08:00:00Z', updated_at: '2026-11-21T09:30:00Z', version: 1,
  closure_reason: null, steps_version: 'se-manual-2019', access: 'team', break_glass_expires_at: null,
  team: [{ user_id: me, display_name: 'Test Person', added_by: me, added_at: '2026-11-20T08:00:00Z' }],
};
export const mihai: CasePerson = {
  id: 'p1', code: 'P-2026-000200', role: 'presumed_victim', names: [{ kind: 'name', latin: 'Syntet Person' }],
  date_of_birth: { date: '1991' }, claimed_minor: false, gender: 'male', citizenship: {}, languages: ['ron'],
  documents: [], contact: {}, residence_permit: 'unknown', unaccompanied: false, protection: 'none', added_by: me,
  added_at: '2026-11-22T10:00:00Z', version: 1,
};
export const tracks = (proceedings: boolean): CaseTracks => ({
  case_id: CASE_ID, steps_version: 'se-manual-2019', status: 'open', closure_reason: null, version: 1, facts: [],
  tracks: [
    { track: 'support', available: true, unavailable_rule: null, step: null, ending: false, entered_at: null, entered_by: null, next: [] },
    {
      track: 'proceedings', available: proceedings, unavailable_rule: proceedings ? null : 'track_needs_authority', step: null,
      ending: false, entered_at: null, entered_by: null, next: [],
    },
  ],
});
export const emptyProceedings = {
  case_id: CASE_ID, version: 0, recorded_by: null, recorded_at: null, versions: [], police_report_numbers: [],
  offences: [{ offence_id: 'trafficking_in_human_beings', version_id: 'trafficking_in_human_beings_2018', grade: 'standard', committed: '2026-05', description: '' }],
  investigation: null, prosecution: null, judgments: [], appeals: [], injured_parties: [],
};
export const permitRule: ClockRuleVersion = {
  id: 'residence_permit_cooperation', version: 1, kind: 'residence_permit_cooperation', title: 'Residence permit',
  basis: 'law', legal_reference: 'Aliens Act ch. 5 §15', source: 'ref', needs_check: false, valid_from: '2007-07-01',
  valid_to: null, applicants: ['head_of_preliminary_investigation'], decided: true, decided_by: 'migration_agency',
  duration: { count: 6, unit: 'months', counting: 'period', bound: 'at_least' }, reminder_days_before_end: [30],
  conditions: [{ id: 'needed_for_proceedings', text: 'Needed.' }], renewable: true, max_renewals: null, revocable: true,
  end_task: 'residence_permit_ends', child_only: false,
};
export const custodyRule: ClockRuleVersion = {
  ...permitRule, id: 'custody_court_submission', kind: 'custody_court_submission', applicants: [], decided: false,
  decided_by: null, conditions: [], renewable: false, revocable: false, child_only: true,
};
export const runningPermit: Clock = {
  id: 'c9', case_id: CASE_ID, person_id: 'p1', rule_id: 'residence_permit_cooperation', rule_version: 1,
  kind: 'residence_permit_cooperation', title: 'Residence permit', legal_reference: '', needs_check: false, section: 'support',
  status: 'running', applicant: 'head_of_preliminary_investigation', applied_on: '2026-05-01', decided_on: '2026-05-10',
  starts_on: '2026-05-10', ends_on: '2026-11-09', conditions: ['needed_for_proceedings'], renewals: 0, stopped_on: null,
  stop_reason: null, state: 'running', days_left: 20, overdue: false, reminders: [], task_id: null,
};

/** The case page's reads, with `extra` answering first. */
export function caseApi(extra: Handler, opts: { proceedings?: boolean; clocks?: Clock[]; caseValue?: Case } = {}): Handler {
  return (method, path, body) => {
    const own = extra(method, path, body);
    if (own) return own;
    if (path === BASE) return { status: 200, body: opts.caseValue ?? stored };
    if (path === `${BASE}/persons`) return { status: 200, body: { items: [mihai] } };
    if (path === `${BASE}/tracks`) return { status: 200, body: tracks(opts.proceedings ?? true) };
    if (path === `${BASE}/child-track`) return { status: 200, body: { records: [], alerts: [], missing_alert_open: false } };
    if (path === `${BASE}/timeline`) return { status: 200, body: { items: [], total: 0, limit: 500, offset: 0 } };
    if (path === `${BASE}/exploitation` && method === 'GET') return { status: 200, body: { current: null, history: [] } };
    if (path === `${BASE}/proceedings` && method === 'GET') return { status: 200, body: emptyProceedings };
    if (path === '/api/v1/clock-rules') return { status: 200, body: { on: '2026-11-20', items: [permitRule, custodyRule] } };
    if (path.endsWith('/notes') || path.endsWith('/attachments')) return { status: 200, body: { items: [], total: 0, limit: 100, offset: 0 } };
    if (method === 'GET' && path.endsWith('/clocks')) return { status: 200, body: { items: opts.clocks ?? [] } };
    if (method === 'GET' && path.endsWith('/tasks')) return { status: 200, body: { items: [] } };
    return undefined;
  };
}
