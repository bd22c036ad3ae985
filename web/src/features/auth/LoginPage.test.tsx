import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Stage } from '../../api/accountTypes';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, userWith, type Handler, type Reply } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const problem = (status: number, slug: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { type: `https://opennrm.org/problems/${slug}`, title: slug, status, errors: [], ...extra },
});

const CODES = Array.from({ length: 10 }, (_, i) => `abcd-efgh-${String(i).padStart(4, '0')}`);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M4 4h7v7H4z"/></svg>';

/** A server with one account: `start` is the stage a correct password leads to. */
function loginServer(start: Stage): Handler {
  let stage: Stage | null = null;
  const user = userWith(['system_administrator']);
  return (method, path, body) => {
    const b = (body ?? {}) as Record<string, string>;
    if (path === '/api/v1/session' && method === 'GET') return stage ? { status: 200, body: sessionOf(user, stage) } : problem(401, 'unauthenticated');
    if (path === '/api/v1/session' && method === 'POST') {
      if (b.password !== 'Engångs-7xq2') return problem(401, 'invalid-credentials');
      stage = start;
      return { status: 200, body: { stage, csrf_token: 'csrf-1', user } };
    }
    if (path === '/api/v1/session/password') {
      stage = 'enrol_totp';
      return { status: 200, body: { stage } };
    }
    if (path === '/api/v1/session/totp-enrolment') {
      return { status: 200, body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', otpauth_uri: 'otpauth://totp/OpenNRM:admin?secret=JBSWY3DPEHPK3PXPJBSWY3DP', qr_svg: SVG } };
    }
    if (path === '/api/v1/session/totp-enrolment/confirm') {
      // As the server answers a wrong code here: a validation problem naming the field.
      if (b.code !== '123456') {
        return { status: 422, body: { type: 'https://opennrm.org/problems/validation', title: 'x', status: 422, errors: [{ field: 'code', rule: 'mismatch', detail: 'The code does not match.' }] } };
      }
      stage = 'active';
      return { status: 200, body: { stage, recovery_codes: CODES } };
    }
    if (path === '/api/v1/session/totp') {
      if (b.recovery_code !== 'abcd-efgh-0003' && b.code !== '654321') return problem(401, 'invalid-code');
      stage = 'active';
      return { status: 200, body: { stage, csrf_token: 'csrf-2', user } };
    }
    if (path === '/api/v1/users') return { status: 200, body: { items: [], total: 0 } };
    return undefined;
  };
}

async function logIn(user: ReturnType<typeof userEvent.setup>, password: string) {
  await user.clear(screen.getByLabelText('Användarnamn'));
  await user.type(screen.getByLabelText('Användarnamn'), 'admin');
  await user.clear(screen.getByLabelText('Lösenord'));
  await user.type(screen.getByLabelText('Lösenord'), password);
  await user.click(screen.getByRole('button', { name: 'Logga in' }));
}

describe('the login page', () => {
  it('runs the first login from the one-time password to the page the user wanted', async () => {
    const api = installFakeApi(loginServer('change_password'));
    const user = userEvent.setup();
    renderRoute('/users?active=true');

    // No session: the wanted page sends the user to the login page.
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Huvudmeny' })).toBeNull();

    // A wrong password gets the generic message in a focused summary.
    await logIn(user, 'fel-lösenord');
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Fel användarnamn eller lösenord.');
    await waitFor(() => {
      expect(document.activeElement).toBe(summary);
    });

    // The one-time password leads to choosing one's own.
    await logIn(user, 'Engångs-7xq2');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Välj ett eget lösenord' });
    await waitFor(() => {
      expect(document.activeElement).toBe(heading);
    });
    expect(screen.getByLabelText('Engångslösenord')).toBeTruthy();
    const fresh = screen.getByLabelText('Nytt lösenord');
    await user.type(fresh, 'kort');
    expect(screen.getByText('4 tecken av minst 12')).toBeTruthy();
    await user.type(screen.getByLabelText('Engångslösenord'), 'Engångs-7xq2');
    await user.click(screen.getByRole('button', { name: 'Spara lösenordet' }));
    expect(fresh.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('password-new-error')?.textContent).toContain('Lösenordet måste ha minst 12 tecken.');
    expect(api.calls.some((c) => c.path === '/api/v1/session/password')).toBe(false);

    await user.type(fresh, ' men nu en lång fras');
    expect(screen.getByText(/tecken – tillräckligt långt/)).toBeTruthy();
    await user.type(screen.getByLabelText('Upprepa det nya lösenordet'), 'kort men nu en lång fras');
    await user.click(screen.getByRole('button', { name: 'Spara lösenordet' }));

    // TOTP enrolment: the QR code as an image data: URL, the secret in groups of four.
    expect(await screen.findByRole('heading', { level: 1, name: 'Aktivera tvåstegsverifiering' })).toBeTruthy();
    const changed = api.calls.find((c) => c.path === '/api/v1/session/password');
    expect(changed?.body).toEqual({ current_password: 'Engångs-7xq2', new_password: 'kort men nu en lång fras' });
    expect(changed?.headers.get('X-CSRF-Token')).toBe('csrf-1');
    const qr = await screen.findByRole('img', { name: /QR-kod/ });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(document.body.innerHTML).not.toContain('<path d="M4 4h7v7H4z"');
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeTruthy();
    expect(api.calls.filter((c) => c.path === '/api/v1/session/totp-enrolment')).toHaveLength(1);

    await user.type(screen.getByLabelText('Kod från appen'), '000000');
    await user.click(screen.getByRole('button', { name: 'Aktivera' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Koden stämmer inte. Kontrollera att telefonens klocka går rätt');
    expect(document.getElementById('enrol-code-error')?.textContent).toContain('Koden stämmer inte.');
    await user.clear(screen.getByLabelText('Kod från appen'));
    await user.type(screen.getByLabelText('Kod från appen'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Aktivera' }));

    // The recovery codes, once, until the user confirms saving them.
    expect(await screen.findByRole('heading', { level: 1, name: 'Spara dina återställningskoder' })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Återställningskoder' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(CODES);
    expect(screen.getByRole('button', { name: 'Ladda ned som textfil' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Huvudmeny' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Fortsätt' }));
    expect(document.getElementById('recovery-saved-error')?.textContent).toContain('Bekräfta att du har sparat koderna');
    await user.click(screen.getByLabelText('Jag har sparat koderna'));
    await user.click(screen.getByRole('button', { name: 'Fortsätt' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Användare' })).toBeTruthy();
    expect(api.calls.some((c) => c.path.startsWith('/api/v1/users?') && c.path.includes('active=true'))).toBe(true);
    expect(screen.getByRole('navigation', { name: 'Huvudmeny' })).toBeTruthy();
  });

  it('enrols TOTP again after an administrator reset it: the QR code again, new recovery codes once', async () => {
    // The server's answer to the own password once TOTP is reset (no secret, no recovery codes).
    const api = installFakeApi(loginServer('enrol_totp'));
    const user = userEvent.setup();
    renderRoute('/login?next=%2Faccount');
    await screen.findByRole('heading', { level: 1, name: 'Logga in' });
    await logIn(user, 'Engångs-7xq2');

    expect(await screen.findByRole('heading', { level: 1, name: 'Aktivera tvåstegsverifiering' })).toBeTruthy();
    // The advice shows once the enrolment has loaded ("Laddar …" until then).
    expect((await screen.findByRole('img', { name: /QR-kod/ })).getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(screen.getByText(/fått den återställd av administratören\? Ta då bort det gamla OpenNRM-kontot/)).toBeTruthy();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeTruthy();
    await user.type(screen.getByLabelText('Kod från appen'), '123456');
    await user.click(screen.getByRole('button', { name: 'Aktivera' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Spara dina återställningskoder' })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Återställningskoder' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(CODES);
    await user.click(screen.getByLabelText('Jag har sparat koderna'));
    await user.click(screen.getByRole('button', { name: 'Fortsätt' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mitt konto' })).toBeTruthy();
    // Shown once: the codes are gone from the page and were asked for by one confirmation only.
    expect(screen.queryByText(CODES[0] ?? '')).toBeNull();
    expect(api.calls.filter((c) => c.path === '/api/v1/session/totp-enrolment')).toHaveLength(1);
    expect(api.calls.filter((c) => c.path === '/api/v1/session/totp-enrolment/confirm')).toHaveLength(1);
  });

  it('logs in with a recovery code instead of the app code', async () => {
    const api = installFakeApi(loginServer('totp'));
    const user = userEvent.setup();
    renderRoute('/login');
    await screen.findByRole('heading', { level: 1, name: 'Logga in' });
    await logIn(user, 'Engångs-7xq2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tvåstegsverifiering' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Fortsätt' }));
    expect(document.getElementById('totp-code-error')?.textContent).toContain('Ange koden från autentiseringsappen.');

    await user.click(screen.getByRole('button', { name: 'Använd en återställningskod i stället' }));
    await user.type(screen.getByLabelText('Återställningskod'), 'abcd-efgh-0003');
    await user.click(screen.getByRole('button', { name: 'Fortsätt' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'OpenNRM' })).toBeTruthy();
    expect(api.calls.find((c) => c.path === '/api/v1/session/totp')?.body).toEqual({ recovery_code: 'abcd-efgh-0003' });
  });

  it('says when to try again after too many attempts (429 Retry-After)', async () => {
    installFakeApi((method, path) =>
      method === 'POST' && path === '/api/v1/session'
        ? { ...problem(429, 'too-many-attempts'), headers: { 'Retry-After': '300' } }
        : undefined, { session: null });
    const user = userEvent.setup();
    renderRoute('/login');
    await screen.findByRole('heading', { level: 1, name: 'Logga in' });
    await logIn(user, 'vad som helst');
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toMatch(/För många misslyckade försök\. Vänta 5 minuter och försök igen \(från kl\. \d\d:\d\d\)/);
  });

  it('sends the user to the login page, keeping the page, when the session has ended (401)', async () => {
    installFakeApi((_method, path) => (path === '/api/v1/users' ? problem(401, 'unauthenticated') : undefined));
    renderRoute('/users?page=2', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(screen.getByText(/You were logged out because your session ended/)).toBeTruthy();
  });

  it('goes to the step the server names when the login is unfinished (403 login-incomplete)', async () => {
    const api = installFakeApi((_method, path) => {
      if (path === '/api/v1/users') return problem(403, 'login-incomplete', { stage: 'enrol_totp' });
      if (path === '/api/v1/session/totp-enrolment') return { status: 200, body: { secret: 'JBSWY3DP', otpauth_uri: 'otpauth://x', qr_svg: SVG } };
      return undefined;
    });
    renderRoute('/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Aktivera tvåstegsverifiering' })).toBeTruthy();
    await screen.findByText('JBSW Y3DP');
    expect(api.calls.filter((c) => c.path === '/api/v1/session/totp-enrolment')).toHaveLength(1);
  });
});
