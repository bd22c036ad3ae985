// The case page's forms: closing a case with a reason after a confirm, and reopening it; the
// exploitation with labour's sector, places and period; the criminal proceedings only in a case whose
// proceedings track is available (a public authority's), with offences chosen from those in force when
// the act was committed. The clock forms are in clockForms.test.tsx.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { installFakeApi } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { exploitationBody, draftOf } from './ExploitationSection';
import { proceedingsBody, proceedingsDraft, proceedingsTarget } from './ProceedingsSection';
import { SLOW, investigator, me, CASE_ID, BASE, stored, emptyProceedings, caseApi } from './caseFormsFixture';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

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
