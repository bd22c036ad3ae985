// The case page's forms: closing a case with a reason after a confirm, and reopening it; the
// exploitation with labour's sector, places and period; the criminal proceedings only in a case whose
// proceedings track is available (a public authority's), with offences chosen from those in force when
// the act was committed; renewing and revoking a running clock; the clock form's rules read from the server.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserOrganisation } from '../../api/accountTypes';
import type { Case, CasePerson } from '../../api/caseTypes';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, userWith, type Handler } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { exploitationBody, draftOf } from './ExploitationSection';
import { proceedingsBody, proceedingsDraft, proceedingsTarget } from './ProceedingsSection';
import type { CaseTracks, Clock } from './caseWorkTypes';
import type { ClockRuleVersion } from './clockRules';

/** The first find on a freshly rendered case page waits for a dozen loads: time for a busy machine. */
const SLOW = { timeout: 5000 };

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const police: UserOrganisation = { id: 'org-pol', name: 'Polisregion Nord', kind: 'police_region' };
const investigator = sessionOf(userWith(['police_investigator'], police));
const me = investigator.user.id;
const CASE_ID = 'fedcba9876543210fedcba9876543210';
const BASE = `/api/v1/cases/${CASE_ID}`;
const stored: Case = {
  id: CASE_ID, code: 'NRM-2026-000077', type: 'trafficking_in_human_beings', status: 'open', organisation_id: 'org-pol',
  created_at: '2026-11-20T08:00:00Z', updated_at: '2026-11-21T09:30:00Z', version: 1,
  closure_reason: null, steps_version: 'se-manual-2019', access: 'team', break_glass_expires_at: null,
  team: [{ user_id: me, display_name: 'Test Person', added_by: me, added_at: '2026-11-20T08:00:00Z' }],
};
const mihai: CasePerson = {
  id: 'p1', code: 'P-2026-000200', role: 'presumed_victim', names: [{ kind: 'name', latin: 'Syntet Person' }],
  date_of_birth: { date: '1991' }, claimed_minor: false, gender: 'male', citizenship: {}, languages: ['ron'],
  documents: [], contact: {}, residence_permit: 'unknown', unaccompanied: false, protection: 'none', added_by: me,
  added_at: '2026-11-22T10:00:00Z', version: 1,
};
const tracks = (proceedings: boolean): CaseTracks => ({
  case_id: CASE_ID, steps_version: 'se-manual-2019', status: 'open', closure_reason: null, version: 1, facts: [],
  tracks: [
    { track: 'support', available: true, unavailable_rule: null, step: null, ending: false, entered_at: null, entered_by: null, next: [] },
    {
      track: 'proceedings', available: proceedings, unavailable_rule: proceedings ? null : 'track_needs_authority', step: null,
      ending: false, entered_at: null, entered_by: null, next: [],
    },
  ],
});
const emptyProceedings = {
  case_id: CASE_ID, version: 0, recorded_by: null, recorded_at: null, versions: [], police_report_numbers: [],
  offences: [{ offence_id: 'trafficking_in_human_beings', version_id: 'trafficking_in_human_beings_2018', grade: 'standard', committed: '2026-05', description: '' }],
  investigation: null, prosecution: null, judgments: [], appeals: [], injured_parties: [],
};
const permitRule: ClockRuleVersion = {
  id: 'residence_permit_cooperation', version: 1, kind: 'residence_permit_cooperation', title: 'Residence permit',
  basis: 'law', legal_reference: 'Aliens Act ch. 5 §15', source: 'ref', needs_check: false, valid_from: '2007-07-01',
  valid_to: null, applicants: ['head_of_preliminary_investigation'], decided: true, decided_by: 'migration_agency',
  duration: { count: 6, unit: 'months', counting: 'period', bound: 'at_least' }, reminder_days_before_end: [30],
  conditions: [{ id: 'needed_for_proceedings', text: 'Needed.' }], renewable: true, max_renewals: null, revocable: true,
  end_task: 'residence_permit_ends', child_only: false,
};
const custodyRule: ClockRuleVersion = {
  ...permitRule, id: 'custody_court_submission', kind: 'custody_court_submission', applicants: [], decided: false,
  decided_by: null, conditions: [], renewable: false, revocable: false, child_only: true,
};
const runningPermit: Clock = {
  id: 'c9', case_id: CASE_ID, person_id: 'p1', rule_id: 'residence_permit_cooperation', rule_version: 1,
  kind: 'residence_permit_cooperation', title: 'Residence permit', legal_reference: '', needs_check: false, section: 'support',
  status: 'running', applicant: 'head_of_preliminary_investigation', applied_on: '2026-05-01', decided_on: '2026-05-10',
  starts_on: '2026-05-10', ends_on: '2026-11-09', conditions: ['needed_for_proceedings'], renewals: 0, stopped_on: null,
  stop_reason: null, state: 'running', days_left: 20, overdue: false, reminders: [], task_id: null,
};

/** The case page's reads, with `extra` answering first. */
function caseApi(extra: Handler, opts: { proceedings?: boolean; clocks?: Clock[]; caseValue?: Case } = {}): Handler {
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

describe('closing and reopening a case', () => {
  it('asks to confirm, then closes with the chosen reason', async () => {
    let sent: unknown = null;
    installFakeApi(caseApi((method, path, body) => {
      if (method === 'POST' && path === `${BASE}/close`) {
        sent = body;
        return { status: 200, body: { ...stored, status: 'closed', closure_reason: 'lost_contact' } };
      }
      return undefined;
    }), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const section = await screen.findByRole('region', { name: 'Avsluta ärendet' }, SLOW);
    await user.click(within(section).getByLabelText('Kontakten bröts'));
    await user.click(within(section).getByRole('button', { name: 'Avsluta ärendet …' }));
    expect(sent).toBeNull();
    expect(within(section).getByText(/Ärendet avslutas med skälet ”Kontakten bröts”/)).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Ja, avsluta ärendet' }));
    await waitFor(() => { expect(sent).toEqual({ reason: 'lost_contact' }); });
    expect(await screen.findByText('Ärendet är avslutat: Kontakten bröts.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Öppna ärendet igen' })).toBeTruthy();
  });

  it('names the missing reason without asking the server', async () => {
    const { calls } = installFakeApi(caseApi(() => undefined), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const section = await screen.findByRole('region', { name: 'Avsluta ärendet' }, SLOW);
    await user.click(within(section).getByRole('button', { name: 'Avsluta ärendet …' }));
    await user.click(within(section).getByRole('button', { name: 'Ja, avsluta ärendet' }));
    expect((await within(section).findAllByText(/Välj ett skäl till att ärendet avslutas/)).length).toBeGreaterThan(0);
    expect(calls.some((c) => c.path.endsWith('/close'))).toBe(false);
  });

  it('reopens a closed case', async () => {
    let reopened = false;
    installFakeApi(caseApi((method, path) => {
      if (method === 'POST' && path === `${BASE}/reopen`) {
        reopened = true;
        return { status: 200, body: stored };
      }
      return undefined;
    }, { caseValue: { ...stored, status: 'closed', closure_reason: 'integrated' } }), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const section = await screen.findByRole('region', { name: 'Ärendet är avslutat' }, SLOW);
    expect(section.textContent).toContain('Skäl: Etablerad i Sverige.');
    await user.click(within(section).getByRole('button', { name: 'Öppna ärendet igen' }));
    await waitFor(() => { expect(reopened).toBe(true); });
    expect(await screen.findByText('Ärendet är öppet igen. Spåren fortsätter där de stod.')).toBeTruthy();
  });
});

describe('the exploitation of a case', () => {
  it('builds one labour entry per sector, the places and the period', () => {
    const d = { ...draftOf(null), forms: ['labour', 'other', 'sexual'], sectors: ['other', 'berry_picking'], otherSector: ' Däck ',
      otherForm: 'X', municipalities: ['2584'], recruitment: ['RO'], from: '2025-06', to: '' };
    expect(exploitationBody(d)).toEqual({
      forms: [
        { form: 'sexual' },
        { form: 'labour', sector: 'berry_picking' },
        { form: 'labour', sector: 'other', details: 'Däck' },
        { form: 'other', details: 'X' },
      ],
      places: { municipalities: ['2584'], recruitment_countries: ['RO'], transit_countries: [], exploitation_countries: [] },
      period: { from: '2025-06', to: null },
    });
    expect(draftOf(exploitationBody(d))).toEqual({ ...d, forms: ['sexual', 'labour', 'other'], sectors: ['berry_picking', 'other'], otherSector: 'Däck' });
  });

  it('saves the forms chosen and shows a refused period beside its field', async () => {
    let sent: unknown = null;
    installFakeApi(caseApi((method, path, body) => {
      if (method === 'PUT' && path === `${BASE}/exploitation`) {
        sent = body;
        return {
          status: 422,
          body: { type: 'https://opennrm.org/problems/validation', title: 'Invalid', status: 422,
            errors: [{ field: 'period.to', rule: 'end_before_start', detail: 'No.' }] },
        };
      }
      return undefined;
    }), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const section = await screen.findByRole('region', { name: 'Exploatering' }, SLOW);
    await user.click(await within(section).findByLabelText('Arbetskraftsexploatering'));
    await user.click(within(section).getByLabelText('Bärplockning'));
    await user.type(within(section).getByLabelText('Från'), '2026-07');
    await user.type(within(section).getByLabelText('Till'), '2026-06');
    await user.click(within(section).getByRole('button', { name: 'Spara exploateringen' }));
    await waitFor(() => { expect(sent).not.toBeNull(); });
    expect(sent).toMatchObject({ forms: [{ form: 'labour', sector: 'berry_picking' }], period: { from: '2026-07', to: '2026-06' } });
    expect(await screen.findByText('Perioden slutar innan den börjar.', { selector: '#expl-to-error' })).toBeTruthy();
    expect(document.getElementById('expl-to')?.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('the criminal proceedings of a case', () => {
  it('are not shown when the case cannot hold them (an NGO or IOM case)', async () => {
    const { calls } = installFakeApi(caseApi(() => undefined, { proceedings: false }), { session: investigator });
    renderRoute(`/cases/${CASE_ID}`);
    await screen.findByRole('region', { name: 'Exploatering' }, SLOW);
    await screen.findByRole('group', { name: 'Stöd' }, SLOW);
    expect(screen.queryByRole('region', { name: 'Rättsprocess' })).toBeNull();
    expect(calls.some((c) => c.path === `${BASE}/proceedings`)).toBe(false);
  });

  it('saves the report number, investigation, decision, judgment and injured party, keeping the offences', async () => {
    let sent: unknown = null;
    installFakeApi(caseApi((method, path, body) => {
      if (method === 'PUT' && path === `${BASE}/proceedings`) {
        sent = body;
        return { status: 200, body: { ...emptyProceedings, ...(body as object), version: 1, recorded_by: me, recorded_at: '2026-11-25T10:00:00Z' } };
      }
      return undefined;
    }), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const section = await screen.findByRole('region', { name: 'Rättsprocess' }, SLOW);
    await user.type(await within(section).findByLabelText('Diarienummer för polisanmälan'), '5000-K123456-26');
    await user.click(within(section).getByLabelText('En förundersökning har inletts'));
    await user.type(within(section).getByLabelText(/Inledd den/), '2026-06-01');
    await user.selectOptions(within(section).getByLabelText('Förundersökningsledare'), 'prosecutor');
    await user.selectOptions(within(section).getByLabelText('Beslut'), 'indictment');
    await user.type(within(section).getByLabelText(/Beslutat den/), '2026-09-01');
    await user.click(within(section).getByRole('button', { name: 'Lägg till en dom' }));
    const judgment = within(section).getByRole('group', { name: 'Dom 1' });
    await user.type(within(judgment).getByLabelText(/^Domstol/), 'Luleå tingsrätt');
    await user.type(within(judgment).getByLabelText(/Dom meddelad den/), '2026-10-15');
    await user.selectOptions(within(judgment).getByLabelText('Påföljd'), 'prison');
    await user.type(within(judgment).getByLabelText('Antal månader fängelse'), '30');
    await user.selectOptions(within(section).getByLabelText(/Målsägande: P-2026-000200/), 'injured_party');
    await user.click(within(section).getByRole('button', { name: 'Spara rättsprocessen' }));
    await waitFor(() => { expect(sent).not.toBeNull(); });
    expect(sent).toEqual({
      expected_version: 0,
      police_report_numbers: ['5000-K123456-26'],
      offences: emptyProceedings.offences,
      investigation: { opened_on: '2026-06-01', led_by: 'prosecutor' },
      prosecution: { outcome: 'indictment', decided_on: '2026-09-01' },
      judgments: [{ level: 'district_court', court: 'Luleå tingsrätt', delivered_on: '2026-10-15', verdict: 'convicted', final: false,
        sentence: { kind: 'prison', months: 30 } }],
      appeals: [],
      injured_parties: [{ person_id: 'p1', status: 'injured_party' }],
    });
    expect(await screen.findByText('Rättsprocessen är sparad.')).toBeTruthy();
  });

  it('adds an offence chosen from those in force when the act was committed, keeping the recorded one', async () => {
    const purchase2005 = {
      offence_id: 'purchase_of_sex', version_id: 'purchase_of_sexual_service_2005', name_en: 'Purchase of a sexual service',
      name_sv: 'Köp av sexuell tjänst', legal_reference: 'Brottsbalken (1962:700) 6 kap. 11 §', valid_from: '2005-04-01',
      valid_to: '2025-06-30', sources: [], grades: [{ id: 'standard', name_en: 'Purchase of a sexual service', name_sv: 'Köp av sexuell tjänst' }],
      needs_description: false, needs_check: false, note: '', renamed_from: null,
    };
    const purchase2025 = {
      ...purchase2005, version_id: 'purchase_of_sexual_act_2025', name_en: 'Purchase of a sexual act', name_sv: 'Köp av sexuell handling',
      valid_from: '2025-07-01', valid_to: null,
      grades: [{ id: 'standard', name_en: 'Purchase of a sexual act', name_sv: 'Köp av sexuell handling' }],
      renamed_from: { version_id: purchase2005.version_id, name_en: purchase2005.name_en, name_sv: purchase2005.name_sv,
        legal_reference: purchase2005.legal_reference, valid_from: '2005-04-01', valid_to: '2025-06-30' },
    };
    const exploitation = {
      ...purchase2005, offence_id: 'human_exploitation', version_id: 'human_exploitation_2018', name_sv: 'Människoexploatering',
      name_en: 'Human exploitation', legal_reference: 'Brottsbalken (1962:700) 4 kap. 1 b §', valid_from: '2018-07-01', valid_to: null,
      grades: [{ id: 'standard', name_en: 'Human exploitation', name_sv: 'Människoexploatering' },
        { id: 'gross', name_en: 'Gross human exploitation', name_sv: 'Grov människoexploatering' }],
    };
    let sent: unknown = null;
    const api = installFakeApi(caseApi((method, path, body) => {
      if (path === '/api/v1/offences') {
        const on = new URLSearchParams(api.calls.at(-1)?.path.split('?')[1] ?? '').get('on') ?? '2026-11-25';
        return { status: 200, body: { on, catalog_version: '2025-07', items: [on < '2025-07-01' ? purchase2005 : purchase2025, exploitation] } };
      }
      if (method === 'PUT' && path === `${BASE}/proceedings`) {
        sent = body;
        return { status: 200, body: { ...emptyProceedings, ...(body as object), version: 1, recorded_by: me, recorded_at: '2026-11-25T10:00:00Z' } };
      }
      return undefined;
    }), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const section = await screen.findByRole('region', { name: 'Rättsprocess' }, SLOW);
    const recorded = await within(section).findByRole('group', { name: 'Brott 1' });
    await waitFor(() => { expect(recorded.textContent).toContain('Människohandel (begånget 2026-05)'); });

    await user.click(within(section).getByRole('button', { name: 'Lägg till ett brott' }));
    const added = within(section).getByRole('group', { name: 'Brott 2' });
    // Without a date, today's offences: the renamed one says what it was called before.
    const offence = within(added).getByLabelText(/^Brott/);
    await within(added).findByRole('option', { name: /^Köp av sexuell handling, Brottsbalken \(1962:700\) 6 kap\. 11 § \(tidigare Köp av sexuell tjänst\)$/ });
    await user.selectOptions(offence, 'purchase_of_sex');
    expect(within(added).queryByLabelText('Svårhetsgrad')).toBeNull(); // one grade only
    // An act before 1 July 2025: the version in force then, under its name of then.
    await user.type(within(added).getByLabelText(/När gärningen begicks/), '2025-06-14');
    expect(await within(added).findByRole('option', { name: /^Köp av sexuell tjänst, Brottsbalken/ })).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/v1/offences?on=2025-06-14')).toBe(true);

    // A third with grades.
    await user.click(within(section).getByRole('button', { name: 'Lägg till ett brott' }));
    const third = within(section).getByRole('group', { name: 'Brott 3' });
    await within(third).findByRole('option', { name: /^Människoexploatering/ });
    await user.selectOptions(within(third).getByLabelText(/^Brott/), 'human_exploitation');
    await user.selectOptions(within(third).getByLabelText('Svårhetsgrad'), 'gross');

    await user.click(within(section).getByRole('button', { name: 'Spara rättsprocessen' }));
    await waitFor(() => { expect(sent).not.toBeNull(); });
    expect((sent as { offences: unknown[] }).offences).toEqual([
      emptyProceedings.offences[0],
      { offence_id: 'purchase_of_sex', version_id: 'purchase_of_sexual_service_2005', grade: 'standard', committed: '2025-06-14' },
      { offence_id: 'human_exploitation', version_id: 'human_exploitation_2018', grade: 'gross' },
    ]);
  });

  it('round-trips a saved record and names the input of a problem', () => {
    const saved = { ...emptyProceedings, version: 2, police_report_numbers: ['A', 'B'],
      judgments: [{ level: 'district_court', court: 'X', case_number: '', delivered_on: '2026-01-01', verdict: 'acquitted', sentence: null, final: true }],
      injured_parties: [{ person_id: 'p1', status: 'not_decided', since: null }] };
    const body = proceedingsBody(proceedingsDraft(saved), saved);
    expect(body.expected_version).toBe(2);
    expect(body.police_report_numbers).toEqual(['A', 'B']);
    expect(body.judgments).toEqual([{ level: 'district_court', court: 'X', delivered_on: '2026-01-01', verdict: 'acquitted', final: true }]);
    expect(body.injured_parties).toEqual([{ person_id: 'p1', status: 'not_decided' }]);
    expect(proceedingsTarget('judgments[0].sentence.months', [])).toBe('proc-judgment-0-sentence-months');
    expect(proceedingsTarget('investigation.opened_on', [])).toBe('proc-inv-opened_on');
    expect(proceedingsTarget('injured_parties[0].person_id', ['p1'])).toBe('proc-injured-p1-status');
    expect(proceedingsTarget('police_report_numbers[1]', [])).toBe('proc-report-numbers');
    expect(proceedingsTarget('offences[1].version_id', [])).toBe('proc-offence-1-offence_id');
    expect(proceedingsTarget('offences[0].committed', [])).toBe('proc-offence-0-committed');
    expect(proceedingsTarget('offences', [])).toBe('proc-offences');
  });
});

describe('changing a running clock', () => {
  it('renews a renewable clock with the decision and the new last day', async () => {
    let sent: unknown = null;
    installFakeApi(caseApi((method, path, body) => {
      if (method === 'POST' && path === `${BASE}/clocks/c9/renewal`) {
        sent = body;
        return { status: 200, body: { ...runningPermit, ends_on: '2027-05-09', renewals: 1 } };
      }
      return undefined;
    }, { clocks: [runningPermit] }), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Förläng Tillfälligt uppehållstillstånd för brottsoffer och vittnen' }, SLOW));
    const form = screen.getByRole('form', { name: /^Förläng/ });
    const decided = within(form).getByLabelText(/Beslutsdatum/);
    await user.clear(decided);
    await user.type(decided, '2026-11-01');
    await user.type(within(form).getByLabelText('Ny sista dag', { exact: false }), '2027-05-09');
    await user.click(within(form).getByLabelText(/Personens vistelse behövs/));
    await user.click(within(form).getByRole('button', { name: 'Registrera förlängningen' }));
    await waitFor(() => {
      expect(sent).toMatchObject({ decided_on: '2026-11-01', applicant: 'head_of_preliminary_investigation', ends_on: '2027-05-09',
        conditions: ['needed_for_proceedings'] });
      expect((sent as { applied_on?: string }).applied_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  it('revokes a revocable clock from a date', async () => {
    let sent: unknown = null;
    installFakeApi(caseApi((method, path, body) => {
      if (method === 'POST' && path === `${BASE}/clocks/c9/revocation`) {
        sent = body;
        return { status: 200, body: { ...runningPermit, status: 'revoked', stopped_on: '2026-11-20' } };
      }
      return undefined;
    }, { clocks: [runningPermit] }), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Återkalla Tillfälligt uppehållstillstånd för brottsoffer och vittnen' }, SLOW));
    const on = screen.getByLabelText(/Återkallad från och med/);
    await user.clear(on);
    await user.type(on, '2026-11-20');
    await user.click(screen.getByRole('button', { name: 'Registrera återkallelsen' }));
    await waitFor(() => { expect(sent).toEqual({ revoked_on: '2026-11-20' }); });
  });

  it('offers only the rules the server has in force, without the child track clocks', async () => {
    installFakeApi(caseApi(() => undefined), { session: investigator });
    renderRoute(`/cases/${CASE_ID}`);
    const select = await screen.findByLabelText('Tidsfrist', { selector: '#clock-rule' }, SLOW);
    await waitFor(() => { expect(within(select).getAllByRole('option').length).toBe(1); });
    expect(within(select).getByRole('option').textContent).toBe('Tillfälligt uppehållstillstånd för brottsoffer och vittnen');
  });

  it('shows a refused reflection period beside the person: a residence permit, or a Swedish citizen', async () => {
    const reflection: ClockRuleVersion = {
      ...permitRule, id: 'reflection_period', kind: 'reflection_period', applicants: [], conditions: [], child_only: false,
    };
    let refusal = 'has_residence_permit';
    installFakeApi(caseApi((method, path) => {
      if (path === '/api/v1/clock-rules') return { status: 200, body: { on: '2026-11-20', items: [reflection] } };
      if (method === 'POST' && path === `${BASE}/clocks`) {
        return {
          status: 422,
          body: {
            type: 'https://opennrm.org/problems/validation', title: 'Invalid', status: 422,
            errors: [{ field: 'person_id', rule: refusal, detail: '' }],
          },
        };
      }
      return undefined;
    }), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const select = await screen.findByLabelText('Tidsfrist', { selector: '#clock-rule' }, SLOW);
    await waitFor(() => { expect(within(select).getByRole('option').textContent).toBe('Betänketid'); });
    await user.selectOptions(screen.getByLabelText(/^Person/, { selector: '#clock-person' }), 'p1');
    await user.click(screen.getByRole('button', { name: 'Registrera ansökan' }));
    await waitFor(() => {
      expect(document.getElementById('clock-person-error')?.textContent).toContain('Personen har uppehållstillstånd i Sverige');
    });
    refusal = 'swedish_citizen';
    await user.click(screen.getByRole('button', { name: 'Registrera ansökan' }));
    await waitFor(() => {
      expect(document.getElementById('clock-person-error')?.textContent).toContain('Personen är svensk medborgare');
    });
  });
});
