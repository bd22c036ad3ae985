// The recipient's side: the inbox with its filters and the awaiting count in the navigation, a referral's
// page (protected warning, the package read-only, accept into an existing case, decline with a reason,
// complete with an outcome of the purpose), the printable summary, and notifications that lead to a referral.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, userWith, type Handler } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { todayInSweden } from '../cases/useCaseWork';
import { authorityRules, CASE_ID, consent, coordinator, municipality, olena, packageDoc, problem422, referral } from './referralFixture';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const coordinatorUser = sessionOf(userWith(['regional_coordinator'], coordinator));
const socialWorker = sessionOf(userWith(['social_worker'], municipality));
const ok = (body: unknown, status = 200) => ({ status, body });
// As the recipient sees it: no sender case or person.
const incoming = referral({ person: null, source: { kind: 'case' }, package_available: true, protected_warning: true, withheld: ['contact'] });

describe('the referral inbox', () => {
  it('lists incoming referrals, overdue in red, filters through the URL, and counts those awaiting an answer in the menu', async () => {
    const inbox: Handler = (method, path) => {
      if (method === 'GET' && path === '/api/v1/referrals/inbox') {
        return ok({ items: [incoming, referral({ id: 'r2', code: 'REF-2026-000014', overdue: true, purpose: 'shelter', person: null })], total: 3, limit: 50, offset: 0 });
      }
      return undefined;
    };
    const { calls } = installFakeApi(inbox, { session: coordinatorUser });
    const user = userEvent.setup();
    renderRoute('/referrals/inbox');
    expect(await screen.findByRole('heading', { level: 1, name: 'Remissinkorg' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Inkomna remisser' });
    const late = within(table).getByRole('row', { name: /REF-2026-000014/ });
    expect(late.className).toContain('row--damaged');
    expect(late.textContent).toContain('Skyddat boende');
    expect(within(late).getByText('Försenad')).toBeTruthy();
    expect(within(table).getByRole('row', { name: /REF-2026-000012/ }).textContent).toContain('Skyddade personuppgifter');
    expect(within(table).getByRole('link', { name: 'REF-2026-000012' }).getAttribute('href')).toBe('/referrals/r1');
    expect(await screen.findByRole('link', { name: 'Remissinkorg 3 remisser väntar på svar' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Status'), 'sent');
    await user.selectOptions(screen.getByLabelText('Syfte'), 'shelter');
    await user.type(screen.getByLabelText(/^Svar senast/), '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Visa' }));
    await waitFor(() => {
      expect(calls.some((c) => c.path === '/api/v1/referrals/inbox?status=sent&purpose=shelter&due_by=2026-12-01&limit=50&offset=0')).toBe(true);
    });
  });
});

describe('a referral for the recipient', () => {
  const recipientApi = (extra: Handler): Handler => (method, path, body) => {
    const own = extra(method, path, body);
    if (own) return own;
    if (method === 'GET' && path === '/api/v1/referrals/r1/package') return ok({ referral: incoming, package: packageDoc });
    if (method === 'GET' && path === '/api/v1/referral-rules') return ok(authorityRules);
    if (method === 'GET' && path === '/api/v1/referrals/inbox') return ok({ items: [], total: 0, limit: 1, offset: 0 });
    return undefined;
  };

  it('warns first about protected data, shows the package read-only and accepts into an existing case found by search', async () => {
    let accepted: unknown = null;
    let searched: unknown = null;
    installFakeApi(recipientApi((method, path, body) => {
      if (method === 'GET' && path === '/api/v1/referrals/r1') return ok(incoming);
      if (method === 'POST' && path === '/api/v1/persons/search') {
        searched = body;
        return ok({ items: [{ ...olena, id: 'p9', code: 'P-2026-000900', case_id: 'case-rc', match: 'exact' }] });
      }
      if (method === 'POST' && path === '/api/v1/referrals/r1/accept') {
        accepted = body;
        return ok({ ...incoming, status: 'accepted', recipient_case_id: 'case-rc', version: 2 });
      }
      return undefined;
    }), { session: coordinatorUser });
    const user = userEvent.setup();
    renderRoute('/referrals/r1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Remiss REF-2026-000012' })).toBeTruthy();
    const warning = screen.getByRole('note', { name: 'Skyddade personuppgifter' });
    expect(warning.textContent).toContain('Valdes men lämnades inte ut: Kontaktuppgifter.');
    expect(screen.getByText('Lagrummet ska stämmas av mot gällande lag.')).toBeTruthy();
    const pkg = screen.getByRole('region', { name: 'Remissens innehåll' });
    expect(await within(pkg).findByText('Olena Kovalenko (Олена Коваленко)')).toBeTruthy();
    expect(pkg.textContent).toContain('1990-04');
    expect(pkg.textContent).toContain('Kvinna');
    expect(pkg.textContent).toContain('Vill bo i en annan stad.');
    expect(pkg.textContent).toContain('Förövaren letar (Hög)');
    // A shape the page does not know shows as a definition list.
    expect(within(pkg).getByRole('heading', { name: 'something_new' })).toBeTruthy();
    expect(within(pkg).getByText('colour')).toBeTruthy();
    expect(within(pkg).getByText('blue')).toBeTruthy();

    const form = screen.getByRole('form', { name: 'Ta emot remissen' });
    await user.click(within(form).getByRole('radio', { name: 'Ett befintligt ärende' }));
    await user.click(within(form).getByRole('button', { name: 'Ta emot remissen' }));
    expect(await within(form).findByText('Sök och välj personen i ert ärende.', { selector: '#accept-name-error' })).toBeTruthy();
    await user.type(within(form).getByLabelText('Namn'), 'Olena');
    await user.click(within(form).getByRole('button', { name: 'Sök person' }));
    await user.click(await within(form).findByRole('radio', { name: /P-2026-000900/ }));
    expect(searched).toEqual({ name: 'Olena', limit: 20 });
    await user.click(within(form).getByRole('button', { name: 'Ta emot remissen' }));
    await waitFor(() => { expect(accepted).toEqual({ version: 1, case_id: 'case-rc', person_id: 'p9' }); });
    expect(await screen.findByText('Remissen REF-2026-000012 är mottagen.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Öppna ärendet som remissen togs emot i' }).getAttribute('href')).toBe('/cases/case-rc');
    expect(screen.getByRole('form', { name: 'Syftet är uppfyllt' })).toBeTruthy();
  });

  it('declines only with a reason, and shows the server\'s problem beside it', async () => {
    let declined: unknown = null;
    installFakeApi(recipientApi((method, path, body) => {
      if (method === 'GET' && path === '/api/v1/referrals/r1') return ok(incoming);
      if (method === 'POST' && path === '/api/v1/referrals/r1/decline') {
        declined = body;
        return problem422([{ field: 'reason', rule: 'max_length', detail: 'At most 2000 characters.' }]);
      }
      return undefined;
    }), { session: coordinatorUser });
    const user = userEvent.setup();
    renderRoute('/referrals/r1', 'en');
    const form = await screen.findByRole('form', { name: 'Decline the referral' });
    await user.click(within(form).getByRole('button', { name: 'Decline the referral' }));
    expect(await within(form).findByText('Write why you decline.', { selector: '#decline-reason-error' })).toBeTruthy();
    expect(declined).toBeNull();
    await user.type(within(form).getByLabelText(/^Reason/), 'No place this week.');
    await user.click(within(form).getByRole('button', { name: 'Decline the referral' }));
    expect(await within(form).findByText('At most 2000 characters.', { selector: '#decline-reason-error' })).toBeTruthy();
    expect(declined).toEqual({ version: 1, reason: 'No place this week.' });
  });

  it('completes an accepted referral with a date and one of the purpose\'s outcomes', async () => {
    let completed: unknown = null;
    installFakeApi(recipientApi((method, path, body) => {
      if (method === 'GET' && path === '/api/v1/referrals/r1') return ok({ ...incoming, status: 'accepted', recipient_case_id: 'case-rc', version: 2 });
      if (method === 'POST' && path === '/api/v1/referrals/r1/complete') {
        completed = body;
        return ok({ ...incoming, status: 'completed', completed_on: todayInSweden(), outcome: 'support_given', version: 3 });
      }
      return undefined;
    }), { session: coordinatorUser });
    const user = userEvent.setup();
    renderRoute('/referrals/r1');
    const form = await screen.findByRole('form', { name: 'Syftet är uppfyllt' });
    const outcome = within(form).getByLabelText(/^Utfall/);
    await waitFor(() => { expect(within(outcome).getByRole('option', { name: 'Stöd har getts' })).toBeTruthy(); });
    expect(within(outcome).queryByRole('option', { name: 'Plats i skyddat boende har getts' })).toBeNull();
    await user.selectOptions(outcome, 'support_given');
    await user.click(within(form).getByRole('button', { name: 'Registrera som slutförd' }));
    await waitFor(() => { expect(completed).toEqual({ version: 2, completed_on: todayInSweden(), outcome: 'support_given' }); });
    expect(await screen.findByText('Remissen REF-2026-000012 är slutförd.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Syftet är uppfyllt' })).toBeNull();
  });
});

describe('the printable summary', () => {
  it('shows what was consented to and disclosed, the basis with its reference, the sender\'s contact, and prints', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const sent = referral({ delivery: 'other_means', package_available: true });
    installFakeApi((method, path) => {
      if (method === 'GET' && path === '/api/v1/referrals/r1') return ok(sent);
      if (method === 'GET' && path === '/api/v1/referrals/r1/package') return ok({ referral: sent, package: packageDoc });
      if (method === 'GET' && path === `/api/v1/cases/${CASE_ID}/consents`) return ok({ items: [consent()] });
      if (method === 'GET' && path === '/api/v1/organisations/org-kom') {
        return ok({ ...municipality, active: true, contact: { phone: '0980-700 00', email: 'socialtjanst@example.org', website: '', postal_address: 'Box 1, 981 00 Kiruna' } });
      }
      if (method === 'GET' && path === '/api/v1/referrals/inbox') return ok({ items: [], total: 0, limit: 1, offset: 0 });
      return undefined;
    }, { session: socialWorker });
    const user = userEvent.setup();
    renderRoute('/referrals/r1/print');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sammanfattning av remiss REF-2026-000012' })).toBeTruthy();
    const sender = screen.getByRole('region', { name: 'Avsändare och kontakt' });
    expect(sender.textContent).toContain('Kiruna socialtjänst');
    expect(sender.textContent).toContain('0980-700 00');
    expect(sender.textContent).toContain('Box 1, 981 00 Kiruna');
    const consented = screen.getByRole('region', { name: 'Personens samtycke' });
    expect(consented.textContent).toContain('P-2026-000123 samtyckte 20 november 2026 till att Regionkoordinator Nord får uppgifterna för syftet Stöd.');
    expect(consented.textContent).toContain('Identitet, Kontaktuppgifter, Behov och säkerhet');
    expect(screen.getByText('Personens samtycke', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText('consent (sv)', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Uppgifter som lämnas ut' }).textContent).toContain('Olena Kovalenko');
    const pdf = screen.getByRole('link', { name: 'Ladda ned som pdf' });
    expect(pdf.getAttribute('href')).toMatch(/^\/api\/v1\/referrals\/[^/]+\/summary\.pdf\?lang=sv$/);
    await user.click(screen.getByRole('button', { name: 'Skriv ut' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});

describe('notifications about referrals', () => {
  it('words the referral kinds and links to the referral', async () => {
    installFakeApi((method, path) => {
      if (method === 'GET' && path === '/api/v1/me/notifications') {
        return ok({
          items: [{ id: 'n1', kind: 'referral_received', subject_type: 'referral', subject_id: 'r1', actor: null, detail: 'REF-2026-000012',
            created_at: '2026-11-25T10:00:00Z', read_at: null }],
          total: 1, unread: 1,
        });
      }
      if (method === 'GET' && path === '/api/v1/referrals/inbox') return ok({ items: [], total: 0, limit: 1, offset: 0 });
      return undefined;
    }, { session: coordinatorUser });
    renderRoute('/notifications');
    expect(await screen.findByRole('heading', { name: /En ny remiss har kommit/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Öppna remissen REF-2026-000012' }).getAttribute('href')).toBe('/referrals/r1');
  });
});
