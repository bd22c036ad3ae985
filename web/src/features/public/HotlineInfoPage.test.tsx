import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, type Handler } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { localProblems } from './CallbackForm';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const CALLBACK = '/api/v1/public/callback-requests';

function answering(reply: ReturnType<Handler>): Handler {
  return (method, path) => (method === 'POST' && path === CALLBACK ? reply : undefined);
}

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/Ditt namn/), 'Testa Testsson');
  await user.type(screen.getByLabelText(/Din organisation/), 'Socialtjänsten i Exempelby');
  await user.type(screen.getByLabelText(/Telefonnummer/), '08-123 456 78');
  await user.selectOptions(screen.getByLabelText(/Vad gäller det/), 'suspected_trafficking');
}

describe('the public information page', () => {
  it('is reachable without logging in and sends the public to 112, 114 14 and 116 006', async () => {
    installFakeApi(undefined, { session: null });
    renderRoute('/hjalp');
    expect(await screen.findByRole('heading', { level: 1, name: 'Misstänker du människohandel?' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Huvudmeny' })).toBeNull();
    const hrefs = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(expect.arrayContaining(['tel:112', 'tel:11414', 'tel:116006', 'tel:020390000']));
    expect(screen.getByRole('link', { name: 'Ring 114 14' }).getAttribute('href')).toBe('tel:11414');
    expect(screen.getByText(/till för yrkesverksamma och kan inte ta emot samtal från allmänheten/)).toBeTruthy();
    expect(screen.getByText(/Skriv inga uppgifter om personen/)).toBeTruthy();
  });

  it('answers at /help in English', async () => {
    installFakeApi(undefined, { session: null });
    renderRoute('/help', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Do you suspect human trafficking?' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Call 116 006' }).getAttribute('href')).toBe('tel:116006');
    expect(screen.getByText(/Give no details about the person/)).toBeTruthy();
  });

  it('sends the professional’s own details only and shows a receipt that echoes nothing', async () => {
    const api = installFakeApi(answering({ status: 202, body: { received: true } }), { session: null });
    const user = userEvent.setup();
    renderRoute('/hjalp');
    await screen.findByRole('heading', { level: 1 });
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Skicka' }));

    expect(await screen.findByRole('heading', { name: 'Tack, vi har tagit emot din begäran' })).toBeTruthy();
    const sent = api.calls.filter((c) => c.path === CALLBACK);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.body).toEqual({
      name: 'Testa Testsson',
      organisation: 'Socialtjänsten i Exempelby',
      phone: '08-123 456 78',
      topic: 'suspected_trafficking',
      message_language: 'sv',
    });
    // Nothing of what was sent is on the screen any more.
    const page = document.body.textContent;
    for (const sentText of ['Testa Testsson', 'Exempelby', '08-123 456 78']) expect(page).not.toContain(sentText);

    // Another request starts from an empty form.
    await user.click(screen.getByRole('button', { name: 'Skicka en ny begäran' }));
    expect(screen.getByLabelText<HTMLInputElement>(/Ditt namn/).value).toBe('');
  });

  it('checks the form before sending and names each field', async () => {
    const api = installFakeApi(undefined, { session: null });
    const user = userEvent.setup();
    renderRoute('/hjalp');
    await screen.findByRole('heading', { level: 1 });
    await user.type(screen.getByLabelText(/Telefonnummer/), 'ring mig');
    await user.click(screen.getByRole('button', { name: 'Skicka' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Skriv ditt namn.');
    expect(summary.textContent).toContain('Skriv din organisation.');
    expect(summary.textContent).toContain('Använd bara siffror');
    expect(summary.textContent).toContain('Välj vad det gäller.');
    expect(screen.getByLabelText(/Telefonnummer/).getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.filter((c) => c.path === CALLBACK)).toHaveLength(0);
  });

  it('shows the server’s field problems beside the field', async () => {
    const problem = {
      type: 'https://opennrm.org/problems/validation', title: 'x', status: 422,
      errors: [{ field: 'phone', rule: 'format', detail: 'A phone number has 6 to 15 digits.' }],
    };
    installFakeApi(answering({ status: 422, body: problem }), { session: null });
    const user = userEvent.setup();
    renderRoute('/hjalp');
    await screen.findByRole('heading', { level: 1 });
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Skicka' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Telefonnummer: Ett telefonnummer har 6 till 15 siffror./)).toBeTruthy();
    // What was typed stays so that it can be corrected.
    expect(screen.getByLabelText<HTMLInputElement>(/Ditt namn/).value).toBe('Testa Testsson');
  });

  it('asks to try again later when too many requests came from here', async () => {
    const problem = { type: 'https://opennrm.org/problems/too-many-requests', title: 'x', status: 429, errors: [] };
    installFakeApi(answering({ status: 429, body: problem, headers: { 'Retry-After': '1800' } }), { session: null });
    const user = userEvent.setup();
    renderRoute('/hjalp');
    await screen.findByRole('heading', { level: 1 });
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Skicka' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Försök igen senare');
    expect(screen.queryByRole('heading', { name: /Tack/ })).toBeNull();
  });

  it('is linked from the login page', async () => {
    installFakeApi(undefined, { session: null });
    renderRoute('/login');
    const link = await screen.findByRole('link', { name: /Misstänker du människohandel/ });
    expect(link.getAttribute('href')).toBe('/hjalp');
  });
});

describe('the call-back form’s own checks', () => {
  it('accepts the usual ways of writing a phone number', () => {
    const base = { name: 'A', organisation: 'B', topic: 'other' };
    for (const phone of ['08-123 456 78', '+46 8 123 456 78', '(08) 123 45', '0701234567']) {
      expect(localProblems({ ...base, phone }), phone).toEqual([]);
    }
    expect(localProblems({ ...base, phone: '12345' })[0]?.rule).toBe('format');
    expect(localProblems({ ...base, phone: '08+123456' })[0]?.rule).toBe('characters');
    expect(localProblems({ ...base, phone: '1234567890123456' })[0]?.rule).toBe('format');
  });
});
