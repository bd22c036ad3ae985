import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserOrganisation } from '../../../api/accountTypes';
import { setCsrfToken } from '../../../api/client';
import { installFakeApi, sessionOf, userWith, type Handler } from '../../../test/fakeApi';
import { renderRoute } from '../../../test/render';
import type { IndicatorChecklist } from '../caseWorkTypes';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  sessionStorage.clear();
  localStorage.clear();
});

const org: UserOrganisation = { id: 'org-kom', name: 'Kiruna socialtjänst', kind: 'municipal_social_services' };
const socialWorker = sessionOf(userWith(['social_worker'], org));
const CASE_ID = '0123456789abcdef0123456789abcdef';
const PERSON_ID = 'fedcba9876543210fedcba9876543210';
const checklist: IndicatorChecklist = {
  version: '2026-1', valid_from: '2026-01-01', sources: [], answers: ['yes', 'no', 'not_known'],
  groups: [
    { id: 'documents', name_en: 'Documents and legal status', name_sv: 'Handlingar och rättslig ställning', children_only: false,
      indicators: [{ id: 'documents.withheld', text_en: 'Someone else holds their identity or travel documents', text_sv: 'Någon annan har hens identitets- eller resehandlingar' }] },
    { id: 'child_specific', name_en: 'Children', name_sv: 'Barn', children_only: true,
      indicators: [{ id: 'child.goes_missing', text_en: 'Goes missing', text_sv: 'Försvinner, eller uteblir från skolan' }] },
  ],
};

/** The server: every write succeeds unless `refuse` answers first. */
function server(refuse: Handler = () => undefined) {
  return installFakeApi((method, path, body) => {
    const r = refuse(method, path, body);
    if (r) return r;
    if (path === '/api/v1/indicators') return { status: 200, body: checklist };
    if (method === 'POST' && path === '/api/v1/cases') return { status: 201, body: { id: CASE_ID, code: 'NRM-2026-000045' } };
    if (method === 'POST' && path === `/api/v1/cases/${CASE_ID}/persons`) return { status: 201, body: { id: PERSON_ID, code: 'P-2026-000123' } };
    if (method === 'PUT' && path.startsWith(`/api/v1/cases/${CASE_ID}/persons/${PERSON_ID}/`)) return { status: 200, body: { id: 'r1' } };
    if (method === 'POST' && path === `/api/v1/cases/${CASE_ID}/persons/${PERSON_ID}/child-track`) return { status: 201, body: { id: 'k1' } };
    return undefined;
  }, { session: socialWorker });
}

const next = async (user: ReturnType<typeof userEvent.setup>, heading: RegExp) => {
  await user.click(screen.getByRole('button', { name: 'Nästa' }));
  const h = await screen.findByRole('heading', { level: 2, name: heading });
  await waitFor(() => { expect(document.activeElement).toBe(h); });
};

describe('the new-case guide', () => {
  it('is offered on the new-case page', async () => {
    server();
    renderRoute('/cases/new');
    expect((await screen.findByRole('link', { name: 'Använd guiden' })).getAttribute('href')).toBe('/cases/new/guide');
  });

  it("walks a child's case through every step and creates everything with one action", async () => {
    const api = server();
    const user = userEvent.setup();
    renderRoute('/cases/new/guide');
    expect(await screen.findByRole('heading', { level: 2, name: 'Steg 1 av 5: Situationen' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Guidens steg' }).querySelector('[aria-current="step"]')?.textContent).toBe('1. Situationen');

    // Nothing chosen: the summary names the question, and nothing is sent.
    await user.click(screen.getByRole('button', { name: 'Nästa' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Vad gäller det?: Välj vad det gäller.');
    await user.click(screen.getByLabelText('Människohandel'));
    await next(user, /Steg 2 av 5: Personen/);

    // The person: no name, the child question required, then the child track explained.
    await user.click(screen.getByRole('button', { name: 'Nästa' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Svara på om personen kan vara under 18 år.');
    await user.click(screen.getByLabelText('Ja', { selector: '#guide-may-be-child-yes' }));
    expect(screen.getByRole('heading', { name: 'Barnspåret gäller' })).toBeTruthy();
    await user.click(screen.getByLabelText('Ja', { selector: '#guide-unaccompanied-yes' }));
    await user.click(screen.getByLabelText('Ja', { selector: '#guide-no-permit-yes' }));
    await next(user, /Steg 3 av 5: Tecken på människohandel/);

    // Indicators: grouped, the children's group shown, a yes needs evidence; no score decides.
    expect(screen.getByText(/Svaren ger ingen poäng som avgör något/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Barn' })).toBeTruthy();
    const missing = screen.getByRole('group', { name: 'Försvinner, eller uteblir från skolan' });
    await user.click(within(missing).getByLabelText('Ja'));
    await user.click(screen.getByRole('button', { name: 'Nästa' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Skriv vad som visar att tecknet finns.');
    await user.type(screen.getByLabelText('Vad visar det?'), 'Har rymt från boendet två gånger.');
    await user.click(screen.getByLabelText('Jag vill registrera min bedömning nu'));
    await user.click(screen.getByLabelText('Presumtivt brottsoffer'));
    await user.type(screen.getByLabelText(/^Skäl/), 'Barnet utnyttjas och försvinner.');

    // Back and forth keeps what was typed.
    await user.click(screen.getByRole('button', { name: 'Tillbaka' }));
    await screen.findByRole('heading', { level: 2, name: /Steg 2 av 5/ });
    expect(screen.getByLabelText('Ja', { selector: '#guide-may-be-child-yes' })).toHaveProperty('checked', true);
    await next(user, /Steg 3 av 5/);
    expect(screen.getByLabelText('Vad visar det?')).toHaveProperty('value', 'Har rymt från boendet två gånger.');
    await next(user, /Steg 4 av 5: Vad du gör sedan/);

    // What to do next: the report of concern first, a guardian, the calls; the police is the last and never urgent.
    const todo = screen.getByRole('region', { name: 'Att göra' });
    expect(within(todo).getByText('Gör en orosanmälan')).toBeTruthy();
    expect(within(todo).getByText('Se till att barnet får en god man')).toBeTruthy();
    expect(within(todo).getByText(/020-390 000/)).toBeTruthy();
    expect(within(todo).getByText('Polisanmälan när det gäller ett barn')).toBeTruthy();
    await user.click(screen.getByLabelText('Ja, den är gjord'));
    await user.click(screen.getByRole('button', { name: 'Nästa' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Välj kommunen som tog emot anmälan.');
    await user.selectOptions(screen.getByLabelText(/Till socialtjänsten i kommunen/), '2584');
    expect(within(todo).getByText('Orosanmälan är gjord')).toBeTruthy();
    await next(user, /Steg 5 av 5: Granska och skapa/);

    expect(screen.getByText('Inget namn. Personen får en kod.')).toBeTruthy();
    expect(screen.getByText('1 ja, 0 nej, 0 vet inte')).toBeTruthy();
    // The answers on the residence permit and an unaccompanied child are saved now: no note says otherwise.
    expect(document.body.textContent).not.toMatch(/sparas inte/);
    await user.click(screen.getByRole('button', { name: 'Skapa ärendet' }));
    const done = await screen.findByRole('heading', { level: 2, name: 'Ärendet NRM-2026-000045 är skapat' });
    await waitFor(() => { expect(document.activeElement).toBe(done); });
    expect(screen.getByText(/Personen har koden P-2026-000123/)).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Gå till Barnspåret' })[0]?.getAttribute('href')).toBe(`/cases/${CASE_ID}#child-title`);

    const writes = api.calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.path.replace(CASE_ID, 'C').replace(PERSON_ID, 'P'), c.body]);
    expect(writes.map((w) => `${String(w[0])} ${String(w[1])}`)).toEqual([
      'POST /api/v1/cases', 'POST /api/v1/cases/C/persons', 'PUT /api/v1/cases/C/persons/P/indicators',
      'PUT /api/v1/cases/C/persons/P/assessment', 'POST /api/v1/cases/C/persons/P/child-track',
    ]);
    expect(writes[1]?.[2]).toEqual({ role: 'presumed_victim', claimed_minor: true, residence_permit: 'none', unaccompanied: true });
    expect(writes[4]?.[2]).toMatchObject({ kind: 'report_of_concern', municipality: '2584' });
    // Nothing the user typed went to browser storage.
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });

  it('shows what failed with its field and rule, and sends only that again after a fix', async () => {
    let refuseIndicators = true;
    const api = server((method, path) => (refuseIndicators && method === 'PUT' && path.endsWith('/indicators')
      ? { status: 422, body: { type: 'https://opennrm.org/problems/validation', title: 'Invalid', status: 422,
        errors: [{ field: 'answers[0].evidence', rule: 'too_long', detail: 'Too long' }] } } : undefined));
    const user = userEvent.setup();
    renderRoute('/cases/new/guide', 'en');
    await user.click(await screen.findByLabelText('Human exploitation'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByLabelText('No', { selector: '#guide-may-be-child-no' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const docs = await screen.findByRole('group', { name: 'Someone else holds their identity or travel documents' });
    expect(screen.queryByRole('heading', { name: 'Children' })).toBeNull();
    await user.click(within(docs).getByLabelText('Yes'));
    await user.type(screen.getByLabelText('What shows it?'), 'The employer keeps the passport.');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Create the case' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The case NRM-2026-000045 has been created, but not everything could be saved');
    expect(alert.textContent).toContain('answers[0].evidence · too_long');
    expect(within(alert).getByRole('link', { name: 'Open NRM-2026-000045' }).getAttribute('href')).toBe(`/cases/${CASE_ID}`);
    refuseIndicators = false;
    await user.click(screen.getByRole('button', { name: 'Save what is missing' }));
    await screen.findByRole('heading', { level: 2, name: 'The case NRM-2026-000045 has been created' });
    const writes = api.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path.split('/').pop() ?? ''}`);
    expect(writes).toEqual(['POST cases', 'POST persons', 'PUT indicators', 'PUT indicators']);
  });
});
