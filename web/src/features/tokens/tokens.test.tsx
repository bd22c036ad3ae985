import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiToken } from '../../api/accountTypes';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, shelterOrg, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { dateInDays } from './CreateTokenForm';
import { tokenStatus } from './TokensPage';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const orgAdmin = sessionOf(userWith(['organisation_administrator'], shelterOrg));
const existing: ApiToken = {
  id: 't-1', name: 'Ärendesystemet', actions: ['directory.read'], created_at: '2026-10-01T08:00:00Z',
  expires_at: '2099-01-01T00:00:00Z', revoked_at: null, last_used_at: null,
};

describe('API tokens', () => {
  it('creates a token, shows its secret once, and validates the form first', async () => {
    const api = installFakeApi((method, path) => {
      if (path === '/api/v1/tokens' && method === 'GET') return { status: 200, body: { items: [existing] } };
      if (path === '/api/v1/tokens' && method === 'POST') return { status: 201, body: { ...existing, id: 't-2', name: 'Statistik', token: 'onrm_secret_4f9a' } };
      return undefined;
    }, { session: orgAdmin });
    const user = userEvent.setup();
    renderRoute('/tokens');
    expect(await screen.findByRole('rowheader', { name: 'Ärendesystemet' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Skapa nyckel' }));
    expect(document.getElementById('token-name-error')?.textContent).toContain('Ange ett namn på nyckeln.');
    expect(document.getElementById('token-actions-error')?.textContent).toContain('Välj minst en sak');

    await user.type(screen.getByLabelText(/^Namn/), 'Statistik');
    await user.click(screen.getByLabelText('Läsa publicerad statistik'));
    await user.clear(screen.getByLabelText(/^Giltig till och med/));
    await user.type(screen.getByLabelText(/^Giltig till och med/), '2099-12-31');
    await user.click(screen.getByRole('button', { name: 'Skapa nyckel' }));
    expect(document.getElementById('token-expires-error')?.textContent).toContain('En nyckel får gälla högst ett år.');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    await user.clear(screen.getByLabelText(/^Giltig till och med/));
    await user.type(screen.getByLabelText(/^Giltig till och med/), dateInDays(30));
    await user.click(screen.getByRole('button', { name: 'Skapa nyckel' }));

    expect(await screen.findByRole('heading', { name: 'Nyckeln Statistik har skapats' })).toBeTruthy();
    expect(screen.getByText('onrm_secret_4f9a')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Statistik', actions: ['statistics.read'], expires_at: dateInDays(30) });
  });

  it('revokes a token after confirmation', async () => {
    const api = installFakeApi((method, path) => {
      if (path === '/api/v1/tokens') return { status: 200, body: { items: [existing] } };
      if (method === 'DELETE' && path === '/api/v1/tokens/t-1') return { status: 204, body: null };
      return undefined;
    }, { session: orgAdmin });
    const user = userEvent.setup();
    renderRoute('/tokens');
    const row = (await screen.findByRole('rowheader', { name: 'Ärendesystemet' })).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Återkalla Ärendesystemet' }));
    await user.click(within(row).getByRole('button', { name: 'Ja, återkalla' }));
    expect(await screen.findByText('Nyckeln Ärendesystemet är återkallad.')).toBeTruthy();
    await waitFor(() => {
      expect(api.calls.some((c) => c.method === 'DELETE' && c.headers.get('X-CSRF-Token') === 'csrf-from-session')).toBe(true);
    });
  });

  it('tells revoked and expired tokens apart', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(tokenStatus(existing, now)).toBe('active');
    expect(tokenStatus({ ...existing, revoked_at: '2026-11-01T00:00:00Z' }, now)).toBe('revoked');
    expect(tokenStatus({ ...existing, expires_at: '2026-11-28T11:59:59Z' }, now)).toBe('expired');
  });
});

describe('what the server says about a token', () => {
  it('shows the server rule for the expiry beside the field', async () => {
    installFakeApi((method, path) => {
      if (path === '/api/v1/tokens' && method === 'GET') return { status: 200, body: { items: [] } };
      if (path === '/api/v1/tokens' && method === 'POST') {
        return { status: 422, body: { type: 'https://opennrm.org/problems/validation', title: 'x', status: 422, errors: [{ field: 'expires_at', rule: 'too_far', detail: 'A token lives at most a year.' }] } };
      }
      return undefined;
    }, { session: orgAdmin });
    const user = userEvent.setup();
    renderRoute('/tokens');
    await user.type(await screen.findByLabelText(/^Namn/), 'X');
    await user.click(screen.getByLabelText('Läsa organisationskatalogen'));
    await user.click(screen.getByRole('button', { name: 'Skapa nyckel' }));
    await waitFor(() => {
      expect(document.getElementById('token-expires-error')?.textContent).toContain('En nyckel får gälla högst ett år.');
    });
  });
});
