import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import { installFakeApi, sessionOf, shelterOrg, userWith } from '../test/fakeApi';
import { renderRoute } from '../test/render';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const navLinks = (name = 'Huvudmeny') =>
  within(screen.getByRole('navigation', { name })).getAllByRole('link').map((a) => a.textContent);

const org = {
  id: 'abc', name: 'Skyddade boendet', kind: 'ngo_shelter', public_authority: false, active: true,
  contact: { phone: '', email: '', website: '', postal_address: '' }, coverage: { scope: 'national', codes: [] },
  services: [], languages: [], capacity: [], occupancy: null, free_places: null, has_protected_address: false,
  version: 1, created_at: '2026-11-28T21:00:00Z', updated_at: '2026-11-28T21:00:00Z',
};

describe('the logged-in shell', () => {
  it('shows the user, the organisation and the unread count, and only the navigation the roles can use', async () => {
    installFakeApi(
      (_method, path) => (path === '/api/v1/me/notifications/unread-count' ? { status: 200, body: { unread: 3 } } : undefined),
      { session: sessionOf(userWith(['ngo_worker'], shelterOrg)) },
    );
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'OpenNRM' });
    expect(navLinks()).toEqual(['Start', 'Ärenden', 'Mina uppgifter', 'Remissinkorg', 'Organisationer', 'Vem täcker kommunen?', 'Geografi']);
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Test Person')).toBeTruthy();
    expect(within(banner).getByText('Skyddade boendet')).toBeTruthy();
    expect(await within(banner).findByRole('link', { name: 'Aviseringar (3 olästa)' })).toBeTruthy();
    expect(within(banner).getByRole('link', { name: 'Mitt konto' })).toBeTruthy();
  });

  it('offers administrators and auditors their pages', async () => {
    installFakeApi(undefined, { session: sessionOf(userWith(['organisation_administrator', 'auditor'], shelterOrg)) });
    renderRoute('/', 'en');
    await screen.findByRole('heading', { level: 1, name: 'OpenNRM' });
    expect(navLinks('Main menu')).toEqual(['Home', 'Organisations', 'Who covers a municipality?', 'Geography', 'Users', 'API tokens', 'Audit log']);
  });

  it('refuses a page the roles do not allow, and hides organisation editing from non-system-administrators', async () => {
    installFakeApi((_method, path) => (path === '/api/v1/organisations/abc' ? { status: 200, body: org } : undefined),
      { session: sessionOf(userWith(['ngo_worker'], shelterOrg)) });
    renderRoute('/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Du har inte behörighet' })).toBeTruthy();

    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'Organisationer' }));
    await screen.findByRole('heading', { level: 1, name: 'Organisationer' });
    expect(screen.queryByRole('link', { name: 'Ny organisation' })).toBeNull();
  });

  it('shows the organisation controls to a system administrator', async () => {
    installFakeApi((_method, path) => (path === '/api/v1/organisations/abc' ? { status: 200, body: org } : undefined));
    renderRoute('/organisations/abc');
    await screen.findByRole('heading', { level: 1, name: 'Skyddade boendet' });
    expect(screen.getByRole('link', { name: 'Redigera' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Inaktivera' })).toBeTruthy();
  });

  it('hides the edit controls on an organisation for other roles', async () => {
    installFakeApi((_method, path) => (path === '/api/v1/organisations/abc' ? { status: 200, body: org } : undefined),
      { session: sessionOf(userWith(['organisation_administrator'], shelterOrg)) });
    renderRoute('/organisations/abc');
    await screen.findByRole('heading', { level: 1, name: 'Skyddade boendet' });
    expect(screen.queryByRole('link', { name: 'Redigera' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Inaktivera' })).toBeNull();
  });

  it('logs out with the CSRF token and says so on the login page', async () => {
    let signedIn = true;
    const api = installFakeApi((method, path) => {
      if (method === 'DELETE' && path === '/api/v1/session') {
        signedIn = false;
        return { status: 204, body: null };
      }
      if (path === '/api/v1/session' && method === 'POST') return { status: 200, body: sessionOf(userWith(['ngo_worker'], shelterOrg)) };
      if (path === '/api/v1/session' && !signedIn) return { status: 401, body: { type: 'https://opennrm.org/problems/unauthenticated', title: 'x', status: 401 } };
      return undefined;
    });
    const user = userEvent.setup();
    renderRoute('/geography');
    await screen.findByRole('heading', { level: 1, name: 'Geografi' });
    await user.click(screen.getByRole('button', { name: 'Logga ut' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
    expect(screen.getByText('Du har loggat ut.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Logga ut' })).toBeNull();
    // The next person to log in starts at home, not on the page the last one left.
    await user.type(screen.getByLabelText('Användarnamn'), 'nästa');
    await user.type(screen.getByLabelText('Lösenord'), 'ett långt lösenord');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'OpenNRM' })).toBeTruthy();
    const logout = api.calls.find((c) => c.method === 'DELETE');
    expect(logout?.headers.get('X-CSRF-Token')).toBe('csrf-from-session');
  });

  it('shows the login page on every route when the server answers 401 for the session', async () => {
    const api = installFakeApi(undefined, { session: null });
    renderRoute('/organisations/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Huvudmeny' })).toBeNull();
    // Nothing behind the login was asked for.
    expect(api.calls.map((c) => c.path).filter((p) => !p.startsWith('/api/v1/session'))).toEqual([]);
  });

  it('never takes a server to be open: a 404 for the session shows only that the login could not be checked', async () => {
    const api = installFakeApi((_method, path) =>
      path === '/api/v1/session'
        ? { status: 404, body: { type: 'https://opennrm.org/problems/not-found', title: 'Not found', status: 404, errors: [] } }
        : undefined);
    const user = userEvent.setup();
    renderRoute('/organisations', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your login could not be checked' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The server answered unexpectedly.');
    expect(screen.queryByRole('heading', { name: 'Organisations' })).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Main menu' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New organisation' })).toBeNull();
    expect(api.calls.some((c) => c.path.startsWith('/api/v1/organisations'))).toBe(false);
    // The login page says the same rather than letting anyone through.
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your login could not be checked' })).toBeTruthy();
    expect(api.calls.filter((c) => c.path === '/api/v1/session')).toHaveLength(2);
  });

  it('names a connection problem when the session cannot be asked for', async () => {
    installFakeApi();
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    renderRoute('/login');
    expect(await screen.findByRole('heading', { level: 1, name: 'Det gick inte att kontrollera inloggningen' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Det gick inte att nå servern.');
    expect(screen.queryByLabelText('Användarnamn')).toBeNull();
  });

  it('asks for the unread count every 60 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = installFakeApi();
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'OpenNRM' });
    const polls = () => api.calls.filter((c) => c.path === '/api/v1/me/notifications/unread-count').length;
    await waitFor(() => {
      expect(polls()).toBe(1);
    });
    await act(() => vi.advanceTimersByTimeAsync(59_000));
    expect(polls()).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(polls()).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(polls()).toBe(3);
  });

  it('stops asking once the page has gone unused for ten minutes, so the session can time out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = installFakeApi();
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'OpenNRM' });
    const polls = () => api.calls.filter((c) => c.path === '/api/v1/me/notifications/unread-count').length;
    await waitFor(() => {
      expect(polls()).toBe(1);
    });
    await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
    const before = polls();
    expect(before).toBe(11);
    await act(() => vi.advanceTimersByTimeAsync(5 * 60_000));
    expect(polls()).toBe(before);
    // Using the page again starts the polling again.
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    });
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(polls()).toBe(before + 1);
  });
});
