// "Referrals and consents" on the case page: the consent ledger (list, record with the interpreter rule,
// revoke with confirmation), the referral dialog's four steps with consent or a basis without consent, the
// NGO-to-police notice and a server refusal shown beside its field, and the referrals sent.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { todayInSweden } from '../cases/useCaseWork';
import {
  authorityRules, BASE, CASE_ID, casePageApi, consent, municipality, ngo, ngoRules, problem422, referral,
} from './referralFixture';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const socialWorker = sessionOf(userWith(['social_worker'], municipality));
const ngoWorker = sessionOf(userWith(['ngo_worker'], ngo));
const ok = (body: unknown, status = 200) => ({ status, body });

async function openSection() {
  return screen.findByRole('region', { name: 'Remisser och samtycken' });
}

describe('the consent ledger on the case', () => {
  it('lists each consent: person, recipient, purpose, sections, given on, how, and in force or revoked with reason', async () => {
    installFakeApi(casePageApi((method, path) => {
      if (method === 'GET' && path === `${BASE}/consents`) {
        return ok({ items: [
          consent({ interpreter: { language: 'ukr', mode: 'remote', relationship: 'professional', provider: 'Tolkbyrån' } }),
          consent({ id: 'c2', purpose: 'shelter', status: 'revoked', revoked_on: '2026-11-26', revocation_reason: 'Vill inte längre.' }),
        ] });
      }
      if (method === 'GET' && path === `${BASE}/referrals`) return ok({ items: [] });
      return undefined;
    }), { session: socialWorker });
    renderRoute(`/cases/${CASE_ID}`);
    const table = await screen.findByRole('table', { name: 'Samtycken till att dela uppgifter' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const first = rows[1]?.textContent ?? '';
    expect(first).toContain('P-2026-000123');
    expect(first).toContain('Regionkoordinator Nord');
    expect(first).toContain('Stöd');
    expect(first).toContain('Identitet, Kontaktuppgifter, Behov och säkerhet');
    expect(first).toContain('20 november 2026');
    expect(first).toContain('Muntligt');
    expect(first).toContain('Auktoriserad eller yrkestolk');
    expect(first).toContain('Gäller');
    const second = rows[2]?.textContent ?? '';
    expect(second).toContain('Återkallat 26 november 2026');
    expect(second).toContain('Skäl: Vill inte längre.');
    expect(within(rows[2] as HTMLElement).queryByRole('button', { name: /Återkalla/ })).toBeNull();
  });

  it('records a consent, and shows the refusal of a family member as interpreter beside the field', async () => {
    let posted: unknown = null;
    installFakeApi(casePageApi((method, path, body) => {
      if (method === 'GET' && path === `${BASE}/consents`) return ok({ items: [] });
      if (method === 'GET' && path === `${BASE}/referrals`) return ok({ items: [] });
      if (method === 'POST' && path === `${BASE}/consents`) {
        posted = body;
        return problem422([{ field: 'interpreter.relationship', rule: 'interpreter_family_or_companion' }]);
      }
      return undefined;
    }), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const section = await openSection();
    await user.click(await within(section).findByRole('button', { name: 'Registrera samtycke' }));
    const form = within(section).getByRole('form', { name: 'Registrera ett samtycke' });
    expect(form.textContent).toContain('En familjemedlem eller en medföljande får inte tolka');
    await user.type(within(form).getByRole('combobox', { name: 'Organisation som får uppgifterna' }), 'Region');
    await user.click(await within(form).findByRole('option', { name: /Regionkoordinator Nord/ }));
    await user.selectOptions(within(form).getByLabelText(/^Syfte/, { selector: 'select' }), 'support');
    await user.click(within(form).getByLabelText(/^Identitet –/));
    await user.click(within(form).getByLabelText('Tolk användes'));
    await user.selectOptions(within(form).getByLabelText(/Vem är tolken/, { selector: 'select' }), 'family_member');
    await user.click(within(form).getByRole('button', { name: 'Registrera samtycket' }));
    expect(await screen.findByText('En familjemedlem eller medföljande får inte vara tolk. Anlita en yrkestolk.',
      { selector: '#ledger-interpreter-relationship-error' })).toBeTruthy();
    expect(document.getElementById('ledger-interpreter-relationship')?.getAttribute('aria-invalid')).toBe('true');
    expect(posted).toMatchObject({
      person_id: 'p1', recipient_organisation_id: 'org-rc', purpose: 'support', sections: ['identity'], given_on: todayInSweden(),
      form: 'spoken', language: 'ukr', interpreter: { relationship: 'family_member' },
    });
  });

  it('revokes a consent after asking, with the date and the reason', async () => {
    let revoked: unknown = null;
    installFakeApi(casePageApi((method, path, body) => {
      if (method === 'GET' && path === `${BASE}/consents`) {
        return ok({ items: [revoked ? consent({ status: 'revoked', revoked_on: todayInSweden() }) : consent()] });
      }
      if (method === 'GET' && path === `${BASE}/referrals`) return ok({ items: [] });
      if (method === 'POST' && path === '/api/v1/consents/c1/revoke') {
        revoked = body;
        return ok(consent({ status: 'revoked', revoked_on: todayInSweden() }));
      }
      return undefined;
    }), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Återkalla P-2026-000123, Regionkoordinator Nord, Stöd' }));
    const form = screen.getByRole('form', { name: 'Återkalla samtycket: P-2026-000123, Regionkoordinator Nord, Stöd' });
    await user.type(within(form).getByLabelText('Skäl'), 'Ångrade sig.');
    await user.click(within(form).getByRole('button', { name: 'Återkalla samtycket' }));
    await waitFor(() => { expect(revoked).toEqual({ revoked_on: todayInSweden(), reason: 'Ångrade sig.' }); });
    expect(await screen.findByText('Samtycket (P-2026-000123, Regionkoordinator Nord, Stöd) är återkallat.')).toBeTruthy();
  });
});

describe('the referral dialog', () => {
  it('refers with the person\'s consent in four steps and says in plain words what is shared and why', async () => {
    let sent: unknown = null;
    installFakeApi(casePageApi((method, path, body) => {
      if (method === 'GET' && path === `${BASE}/consents`) return ok({ items: [consent()] });
      if (method === 'GET' && path === `${BASE}/referrals`) return ok({ items: sent ? [referral()] : [] });
      if (method === 'GET' && path === '/api/v1/referral-rules') return ok(authorityRules);
      if (method === 'POST' && path === `${BASE}/referrals`) {
        sent = body;
        return ok(referral(), 201);
      }
      return undefined;
    }), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const section = await openSection();
    await user.click(await within(section).findByRole('button', { name: 'Skicka remiss' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny remiss' });
    expect(await within(dialog).findByRole('heading', { name: 'Vem, varför och till vem' })).toBeTruthy();
    // Step 1 says what is missing before going on.
    await user.click(within(dialog).getByRole('button', { name: 'Nästa' }));
    expect(await within(dialog).findByText('Välj syftet.', { selector: '#referral-purpose-error' })).toBeTruthy();
    await user.selectOptions(within(dialog).getByLabelText(/^Syfte/, { selector: 'select' }), 'support');
    expect(within(dialog).getByText(/För det här syftet brukar det vara: Regional samordnare/)).toBeTruthy();
    await user.type(within(dialog).getByRole('combobox', { name: 'Mottagare' }), 'Region');
    await user.click(await within(dialog).findByRole('option', { name: /Regionkoordinator Nord.*vanlig mottagare/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Nästa' }));
    // Step 2: the purpose's usual sections are ticked, each with a plain line.
    expect(await within(dialog).findByRole('heading', { name: 'Vilka uppgifter som delas' })).toBeTruthy();
    const identity = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Identitet' });
    expect(identity.checked).toBe(true);
    expect(identity.getAttribute('aria-describedby')).toBe('referral-section-identity-hint');
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Bedömning' }).checked).toBe(false);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Behov och säkerhet' }));
    await user.click(within(dialog).getByRole('button', { name: 'Nästa' }));
    // Step 3: the consent that covers recipient, purpose and sections, and the bases without consent.
    expect(await within(dialog).findByRole('heading', { name: 'Stöd för utlämnandet' })).toBeTruthy();
    expect(within(dialog).queryByRole('radio', { name: /Anmälan om oro för ett barn/ })).toBeNull();
    expect(within(dialog).getByRole('radio', { name: /Nödvändigt för att myndigheten/ })).toBeTruthy();
    expect(within(dialog).queryByRole('note', { name: 'Stödet hänger aldrig på en polisanmälan' })).toBeNull();
    await user.click(within(dialog).getByRole('radio', { name: 'Personens samtycke, givet 20 november 2026' }));
    await user.click(within(dialog).getByRole('button', { name: 'Nästa' }));
    // Step 4: the summary.
    const summary = await within(dialog).findByRole('region', { name: 'Det här delas, och varför' });
    expect(summary.textContent).toContain('Du lämnar ut uppgifter om P-2026-000123 till Regionkoordinator Nord för att personen ska få stöd.');
    expect(summary.textContent).toContain('Identitet: Namn, födelsedatum');
    expect(summary.textContent).not.toContain('Behov och säkerhet');
    expect(summary.textContent).toContain('Varför: P-2026-000123 har samtyckt till det (20 november 2026, Muntligt).');
    expect(summary.textContent).toContain('Lagrum: Offentlighets- och sekretesslagen (2009:400) 10 kap. 1 §.');
    await user.click(within(dialog).getByRole('radio', { name: 'I OpenNRM' }));
    await user.click(within(dialog).getByRole('button', { name: 'Skicka remissen' }));
    await waitFor(() => {
      expect(sent).toEqual({
        person_id: 'p1', recipient_organisation_id: 'org-rc', purpose: 'support', sections: ['identity', 'contact'],
        basis: 'consent', consent_id: 'c1', delivery: 'in_app',
      });
    });
    expect(await screen.findByText('Remissen REF-2026-000012 är skickad till Regionkoordinator Nord.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('link', { name: 'REF-2026-000012' })).toBeTruthy();
  });

  it('tells an NGO referring to the police that support never depends on it, and shows the refusal beside the basis', async () => {
    let sent: unknown = null;
    installFakeApi(casePageApi((method, path, body) => {
      if (method === 'GET' && path === `${BASE}/consents`) return ok({ items: [] });
      if (method === 'GET' && path === `${BASE}/referrals`) return ok({ items: [] });
      if (method === 'GET' && path === '/api/v1/referral-rules') return ok(ngoRules);
      if (method === 'POST' && path === `${BASE}/referrals`) {
        sent = body;
        return problem422([{ field: 'basis', rule: 'support_records_to_police_need_consent' }]);
      }
      return undefined;
    }), { session: ngoWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await user.click(await within(await openSection()).findByRole('button', { name: 'Skicka remiss' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny remiss' });
    await user.selectOptions(await within(dialog).findByLabelText(/^Syfte/, { selector: 'select' }), 'report_to_police');
    await user.type(within(dialog).getByRole('combobox', { name: 'Mottagare' }), 'Polis');
    await user.click(await within(dialog).findByRole('option', { name: /Polisregion Nord/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Nästa' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Nästa' }));
    expect(await within(dialog).findByRole('note', { name: 'Stödet hänger aldrig på en polisanmälan' })).toBeTruthy();
    expect(within(dialog).getByText(/Inget samtycke i registret omfattar den här mottagaren/)).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: 'Skydd för personens grundläggande intressen vid omedelbar fara' }));
    await user.click(within(dialog).getByRole('button', { name: 'Nästa' }));
    expect(await within(dialog).findByText('Skriv varför lagstödet gäller.', { selector: '#referral-justification-error' })).toBeTruthy();
    expect(within(dialog).getByText('Lagstödet gäller bara när personen är i omedelbar fara.', { selector: '#referral-immediate-danger-error' })).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/^Motivering/), 'Förövaren har hotat henne i dag.');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Personen är i omedelbar fara' }));
    await user.click(within(dialog).getByRole('button', { name: 'Nästa' }));
    expect(await within(dialog).findByRole('region', { name: 'Det här delas, och varför' })).toBeTruthy();
    expect(within(dialog).getByRole('note', { name: 'Stödet hänger aldrig på en polisanmälan' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Skicka remissen' }));
    // The refusal goes back to the basis step, beside the field and in the summary.
    expect(await within(dialog).findByText(/går till polisen eller åklagaren bara med personens samtycke/, { selector: '#referral-basis-error' })).toBeTruthy();
    expect(within(dialog).getByRole('heading', { name: 'Stöd för utlämnandet' })).toBeTruthy();
    expect(within(dialog).getByRole('alert')).toBeTruthy();
    expect(sent).toMatchObject({ basis: 'vital_interests', immediate_danger: true, justification: 'Förövaren har hotat henne i dag.' });
  });
});

describe('the referrals sent from the case', () => {
  it('shows status, the day to answer by (overdue stands out), the basis, and withdraws after asking', async () => {
    let withdrawn: unknown = null;
    installFakeApi(casePageApi((method, path, body) => {
      if (method === 'GET' && path === `${BASE}/consents`) return ok({ items: [] });
      if (method === 'GET' && path === `${BASE}/referrals`) {
        return ok({ items: [
          referral({ overdue: true, status: withdrawn ? 'withdrawn' : 'sent' }),
          referral({ id: 'r2', code: 'REF-2026-000013', delivery: 'other_means', status: 'accepted', recipient: { id: ngo.id, name: ngo.name } }),
        ] });
      }
      if (method === 'POST' && path === '/api/v1/referrals/r1/withdraw') {
        withdrawn = body;
        return ok(referral({ status: 'withdrawn', version: 2 }));
      }
      return undefined;
    }), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const table = await screen.findByRole('table', { name: 'Remisser från ärendet' });
    const row = within(table).getByRole('row', { name: /REF-2026-000012/ });
    expect(row.textContent).toContain('Väntar på svar');
    expect(within(row).getByText('Försenad').className).toContain('badge--damaged');
    expect(row.textContent).toContain('Personens samtycke');
    const other = within(table).getByRole('row', { name: /REF-2026-000013/ });
    expect(within(other).getByRole('link', { name: 'Skriv ut sammanfattning REF-2026-000013' }).getAttribute('href')).toBe('/referrals/r2/print');
    expect(within(other).queryByRole('button', { name: /Återkalla remissen/ })).toBeNull();
    await user.click(within(row).getByRole('button', { name: 'Återkalla remissen REF-2026-000012' }));
    await user.click(within(row).getByRole('button', { name: 'Ja, återkalla remissen' }));
    await waitFor(() => { expect(withdrawn).toEqual({ version: 1 }); });
    expect(await screen.findByText('Remissen REF-2026-000012 är återkallad.')).toBeTruthy();
  });
});
