import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { installFakeApi } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const sessions = {
  items: [
    { id: 's-1', current: true, created_at: '2026-11-28T08:00:00Z', last_seen_at: '2026-11-28T09:00:00Z', expires_at: '2026-11-28T20:00:00Z', client: 'Firefox på Linux, 127.0.0.1' },
    { id: 's-2', current: false, created_at: '2026-11-27T08:00:00Z', last_seen_at: '2026-11-27T09:00:00Z', expires_at: '2026-11-27T20:00:00Z', client: 'Chrome på Android, 10.0.0.7' },
  ],
};

describe('my sessions', () => {
  it('lists the sessions, ends another one and announces it', async () => {
    let ended = false;
    const api = installFakeApi((method, path) => {
      if (path === '/api/v1/me/sessions') return { status: 200, body: ended ? { items: [sessions.items[0]] } : sessions };
      if (method === 'DELETE' && path === '/api/v1/me/sessions/s-2') {
        ended = true;
        return { status: 204, body: null };
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderRoute('/account/sessions');
    const table = await screen.findByRole('table', { name: '2 aktiva sessioner' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0] as HTMLElement).getByText('Den här sessionen')).toBeTruthy();
    await user.click(within(rows[1] as HTMLElement).getByRole('button', { name: /^Avsluta sessionen i Chrome på Android/ }));
    expect(await screen.findByText('Sessionen har avslutats.')).toBeTruthy();
    expect(await screen.findByRole('table', { name: '1 aktiv session' })).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'DELETE')?.headers.get('X-CSRF-Token')).toBe('csrf-from-session');
  });

  it('logs out everywhere after confirmation, then shows the login page', async () => {
    const api = installFakeApi((_method, path) => {
      if (path === '/api/v1/me/sessions') return { status: 200, body: sessions };
      if (path === '/api/v1/me/sessions/revoke-all') return { status: 204, body: null };
      return undefined;
    });
    const user = userEvent.setup();
    renderRoute('/account/sessions');
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Logga ut överallt' }));
    const confirm = screen.getByRole('button', { name: 'Ja, logga ut överallt' });
    await waitFor(() => {
      expect(document.activeElement).toBe(confirm);
    });
    await user.click(confirm);
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/v1/me/sessions/revoke-all')).toBe(true);
  });
});

describe('changing my password', () => {
  it('shows the server rule beside the new password', async () => {
    installFakeApi((_method, path) =>
      path === '/api/v1/session/password'
        ? { status: 422, body: { type: 'https://opennrm.org/problems/validation', title: 'Invalid', status: 422, errors: [{ field: 'new_password', rule: 'not_username', detail: 'Same as the username.' }] } }
        : undefined);
    const user = userEvent.setup();
    renderRoute('/account/password');
    await user.type(await screen.findByLabelText('Nuvarande lösenord'), 'gammalt lösenord');
    await user.type(screen.getByLabelText('Nytt lösenord'), 'testperson-testperson');
    await user.type(screen.getByLabelText('Upprepa det nya lösenordet'), 'testperson-testperson');
    await user.click(screen.getByRole('button', { name: 'Byt lösenord' }));
    await waitFor(() => {
      expect(document.getElementById('password-new-error')?.textContent).toContain('Lösenordet får inte vara samma som ditt användarnamn.');
    });
    const input = screen.getByLabelText('Nytt lösenord');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('password-new-hint password-new-error password-new-counter');
  });

  it('says when the repeated password differs, without asking the server', async () => {
    const api = installFakeApi();
    const user = userEvent.setup();
    renderRoute('/account/password', 'en');
    await user.type(await screen.findByLabelText('Current password'), 'old password here');
    await user.type(screen.getByLabelText('New password'), 'a long enough phrase');
    await user.type(screen.getByLabelText('Repeat the new password'), 'a long enough phrasE');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(document.getElementById('password-repeat-error')?.textContent).toContain('The passwords are not the same.');
    expect(api.calls.some((c) => c.path === '/api/v1/session/password')).toBe(false);
  });

  it('marks a wrong current password', async () => {
    installFakeApi((_method, path) =>
      path === '/api/v1/session/password' ? { status: 401, body: { type: 'https://opennrm.org/problems/invalid-credentials', title: 'No', status: 401 } } : undefined);
    const user = userEvent.setup();
    renderRoute('/account/password');
    await user.type(await screen.findByLabelText('Nuvarande lösenord'), 'fel lösenord');
    await user.type(screen.getByLabelText('Nytt lösenord'), 'en lång och ny fras');
    await user.type(screen.getByLabelText('Upprepa det nya lösenordet'), 'en lång och ny fras');
    await user.click(screen.getByRole('button', { name: 'Byt lösenord' }));
    await waitFor(() => {
      expect(document.getElementById('password-current-error')?.textContent).toContain('Lösenordet stämmer inte.');
    });
    // A wrong password is not a lost session: the page stays.
    expect(screen.getByRole('heading', { level: 1, name: 'Byt lösenord' })).toBeTruthy();
  });
});

describe('new recovery codes', () => {
  it('needs a TOTP code and shows the new codes once', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `wxyz-0000-000${i}`);
    const api = installFakeApi((_method, path) => (path === '/api/v1/me/recovery-codes' ? { status: 200, body: { recovery_codes: codes } } : undefined));
    const user = userEvent.setup();
    renderRoute('/account/recovery-codes');
    await user.click(await screen.findByRole('button', { name: 'Skapa nya koder' }));
    expect(document.getElementById('regenerate-code-error')?.textContent).toContain('Ange koden från autentiseringsappen.');
    await user.type(screen.getByLabelText('Engångskod'), '246810');
    await user.click(screen.getByRole('button', { name: 'Skapa nya koder' }));
    const list = await screen.findByRole('list', { name: 'Återställningskoder' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(api.calls.find((c) => c.path === '/api/v1/me/recovery-codes')?.body).toEqual({ code: '246810' });
  });

  it('offers the codes as a text file', async () => {
    const codes = ['aaaa-bbbb-cccc'];
    installFakeApi((_method, path) => (path === '/api/v1/me/recovery-codes' ? { status: 200, body: { recovery_codes: codes } } : undefined));
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test/1';
    });
    // jsdom has no object URLs: lend them (for the rest of this file; the revoke runs a second later).
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderRoute('/account/recovery-codes');
    await user.type(await screen.findByLabelText('Engångskod'), '246810');
    await user.click(screen.getByRole('button', { name: 'Skapa nya koder' }));
    await user.click(await screen.findByRole('button', { name: 'Ladda ned som textfil' }));
    expect(clicked).toHaveBeenCalledTimes(1);
    const anchor = clicked.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('opennrm-recovery-codes-testperson.txt');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => { resolve(reader.result as string); };
      reader.readAsText(blobs[0] as Blob);
    });
    expect(text).toMatch(/återställningskoder för testperson.*\r\n\r\naaaa-bbbb-cccc\r\n$/s);
  });
});
