import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ManagedUser, RoleInfo } from '../../api/accountTypes';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, shelterOrg, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const roles: RoleInfo[] = [
  { role: 'system_administrator', sees_personal_data: true, kinds: ['national_unit', 'other'] },
  { role: 'organisation_administrator', sees_personal_data: true, kinds: [] },
  { role: 'ngo_worker', sees_personal_data: true, kinds: ['ngo_shelter'] },
  { role: 'police_investigator', sees_personal_data: true, kinds: ['police_region'] },
  { role: 'auditor', sees_personal_data: true, kinds: [] },
];

const orgAdmin = sessionOf(userWith(['organisation_administrator'], shelterOrg));

const stored: ManagedUser = {
  id: 'u-1', username: 'lisa', display_name: 'Lisa Larsson', organisation: shelterOrg, roles: ['ngo_worker'],
  totp_enrolled: true, active: true, version: 4, created_at: '2026-11-01T08:00:00Z', must_change_password: false,
};

const validation = (field: string, rule: string) => ({
  status: 422,
  body: { type: 'https://opennrm.org/problems/validation', title: 'Invalid', status: 422, errors: [{ field, rule, detail: `${field} breaks ${rule}` }] },
});

describe('creating a user', () => {
  it('offers only the roles the organisation kind allows and shows the one-time password once', async () => {
    const api = installFakeApi((method, path) => {
      if (path === '/api/v1/roles') return { status: 200, body: { items: roles } };
      if (method === 'POST' && path === '/api/v1/users') {
        return { status: 201, body: { user: { ...stored, id: 'u-2', display_name: 'Nils Nilsson' }, one_time_password: 'kx7Q-2mPz-91Lw' } };
      }
      return undefined;
    }, { session: orgAdmin });
    const user = userEvent.setup();
    renderRoute('/users/new');
    await screen.findByRole('heading', { level: 1, name: 'Ny användare' });
    const group = await screen.findByRole('group', { name: 'Roller' });
    expect(within(group).getAllByRole<HTMLInputElement>('checkbox').map((c) => c.labels?.[0]?.textContent)).toEqual([
      'Organisationsadministratör', 'Medarbetare vid ideell organisation', 'Granskare',
    ]);
    expect(screen.queryByLabelText('Polisutredare')).toBeNull();
    expect(screen.queryByLabelText('Systemadministratör')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Skapa användare' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => {
      expect(document.activeElement).toBe(summary);
    });
    expect(within(summary).getByRole('link', { name: 'Användarnamn: Ange ett användarnamn.' }).getAttribute('href')).toBe('#user-username');
    expect(screen.getByLabelText(/^Användarnamn/).getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('user-roles-error')?.textContent).toContain('Välj minst en roll.');

    await user.type(screen.getByLabelText(/^Användarnamn/), 'nils');
    await user.type(screen.getByLabelText(/^Namn/), 'Nils Nilsson');
    await user.click(screen.getByLabelText('Medarbetare vid ideell organisation'));
    await user.click(screen.getByRole('button', { name: 'Skapa användare' }));

    const notice = await screen.findByRole('heading', { name: 'Engångslösenord' });
    await waitFor(() => {
      expect(document.activeElement).toBe(notice);
    });
    expect(screen.getByText('kx7Q-2mPz-91Lw')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Kopiera engångslösenordet' })).toBeTruthy();
    const sent = api.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/users');
    expect(sent?.body).toEqual({ organisation_id: 'org-ngo', username: 'nils', display_name: 'Nils Nilsson', roles: ['ngo_worker'] });
    expect(sent?.headers.get('X-CSRF-Token')).toBe('csrf-from-session');
  });

  it('shows the server refusing a role for the organisation kind beside the roles', async () => {
    installFakeApi((method, path) => {
      if (path === '/api/v1/roles') return { status: 200, body: { items: roles } };
      if (method === 'POST' && path === '/api/v1/users') return validation('roles[0]', 'not_allowed_for_kind');
      return undefined;
    }, { session: orgAdmin });
    const user = userEvent.setup();
    renderRoute('/users/new');
    await user.type(await screen.findByLabelText(/^Användarnamn/), 'nils');
    await user.type(screen.getByLabelText(/^Namn/), 'Nils');
    await user.click(screen.getByLabelText('Granskare'));
    await user.click(screen.getByRole('button', { name: 'Skapa användare' }));
    await waitFor(() => {
      expect(document.getElementById('user-roles-error')?.textContent).toContain('En vald roll är inte tillåten för den här typen av organisation.');
    });
    expect(screen.getByRole('link', { name: /^Roller: En vald roll/ }).getAttribute('href')).toBe('#user-roles');
  });

  it('reports a taken username beside the field (409)', async () => {
    installFakeApi((method, path) => {
      if (path === '/api/v1/roles') return { status: 200, body: { items: roles } };
      if (method === 'POST' && path === '/api/v1/users') return { status: 409, body: { type: 'https://opennrm.org/problems/conflict', title: 'Taken', status: 409 } };
      return undefined;
    }, { session: orgAdmin });
    const user = userEvent.setup();
    renderRoute('/users/new', 'en');
    await user.type(await screen.findByLabelText(/^Username/), 'lisa');
    await user.type(screen.getByLabelText(/^Name/), 'Lisa');
    await user.click(screen.getByLabelText('NGO worker'));
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() => {
      expect(document.getElementById('user-username-error')?.textContent).toContain('The username is taken.');
    });
  });
});

describe('a system administrator creating a user', () => {
  it('finds the organisation by name and is offered only organisation administrator there', async () => {
    const shelter = { id: 'org-ngo', name: 'Skyddade boendet', kind: 'ngo_shelter', active: true };
    const api = installFakeApi((method, path) => {
      if (path === '/api/v1/roles') return { status: 200, body: { items: roles } };
      if (path === '/api/v1/organisations' && method === 'GET') return { status: 200, body: { items: [shelter], total: 1, limit: 20, offset: 0 } };
      if (method === 'POST' && path === '/api/v1/users') return { status: 201, body: { user: stored, one_time_password: 'otp-1' } };
      return undefined;
    });
    const user = userEvent.setup();
    renderRoute('/users/new');
    expect(await screen.findByText('Välj organisation först, så visas de roller som den tillåter.')).toBeTruthy();
    await user.type(screen.getByRole('combobox', { name: 'Organisation' }), 'Skydd');
    await user.click(await screen.findByRole('option', { name: 'Skyddade boendet (Ideell organisation, skyddat boende)' }));
    const group = await screen.findByRole('group', { name: 'Roller' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(1);
    expect(within(group).getByLabelText('Organisationsadministratör')).toBeTruthy();
    expect(api.calls.some((c) => c.path.startsWith('/api/v1/organisations?q=Skydd'))).toBe(true);

    await user.type(screen.getByLabelText(/^Användarnamn/), 'olga');
    await user.type(screen.getByLabelText(/^Namn/), 'Olga');
    await user.click(within(group).getByLabelText('Organisationsadministratör'));
    await user.click(screen.getByRole('button', { name: 'Skapa användare' }));
    await screen.findByText('otp-1');
    expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({ organisation_id: 'org-ngo', roles: ['organisation_administrator'] });
  });
});

describe('editing a user', () => {
  it('sends only the changes with the version, and asks to reload when someone else saved first (409)', async () => {
    const api = installFakeApi((method, path) => {
      if (path === '/api/v1/roles') return { status: 200, body: { items: roles } };
      if (path === '/api/v1/users/u-1' && method === 'GET') return { status: 200, body: stored };
      if (path === '/api/v1/users/u-1' && method === 'PATCH') return { status: 409, body: { type: 'https://opennrm.org/problems/conflict', title: 'Stale', status: 409 } };
      return undefined;
    }, { session: orgAdmin });
    const user = userEvent.setup();
    renderRoute('/users/u-1');
    await screen.findByRole('heading', { level: 1, name: 'Lisa Larsson' });
    await user.click(screen.getByLabelText('Granskare'));
    await user.click(screen.getByLabelText('Kontot är aktivt'));
    await user.click(screen.getByRole('button', { name: 'Spara ändringar' }));
    expect(await screen.findByRole('heading', { name: 'Någon annan har ändrat användaren' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ladda om senaste versionen' })).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ version: 4, roles: ['ngo_worker', 'auditor'], active: false });
  });

  it('resets the password after confirmation and shows the new one-time password', async () => {
    const api = installFakeApi((_method, path) => {
      if (path === '/api/v1/roles') return { status: 200, body: { items: roles } };
      if (path === '/api/v1/users/u-1') return { status: 200, body: stored };
      if (path === '/api/v1/users/u-1/password-reset') return { status: 200, body: { one_time_password: 'new-otp-5521' } };
      return undefined;
    }, { session: orgAdmin });
    const user = userEvent.setup();
    renderRoute('/users/u-1');
    await user.click(await screen.findByRole('button', { name: 'Återställ lösenord' }));
    expect(api.calls.some((c) => c.path.endsWith('/password-reset'))).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Ja, återställ lösenordet' }));
    expect(await screen.findByText('new-otp-5521')).toBeTruthy();
  });

  it('resets password and TOTP: the one-time password stays, the account shows as reset, and a save uses the new version', async () => {
    let current = { ...stored, totp_enrolled: true, must_change_password: false };
    const api = installFakeApi((method, path) => {
      if (path === '/api/v1/roles') return { status: 200, body: { items: roles } };
      if (path === '/api/v1/users/u-1' && method === 'GET') return { status: 200, body: current };
      if (path === '/api/v1/users/u-1' && method === 'PATCH') return { status: 200, body: { ...current, version: current.version + 1 } };
      if (path === '/api/v1/users/u-1/password-reset') {
        current = { ...current, must_change_password: true, version: current.version + 1 };
        return { status: 200, body: { one_time_password: 'new-otp-5521' } };
      }
      if (path === '/api/v1/users/u-1/totp-reset') {
        current = { ...current, totp_enrolled: false, version: current.version + 1 };
        return { status: 204, body: null };
      }
      return undefined;
    }, { session: orgAdmin });
    const user = userEvent.setup();
    renderRoute('/users/u-1');
    expect(await screen.findByText('Aktiverad')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Återställ lösenord' }));
    await user.click(screen.getByRole('button', { name: 'Ja, återställ lösenordet' }));
    expect(await screen.findByText('new-otp-5521')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Återställ tvåstegsverifiering' }));
    await user.click(screen.getByRole('button', { name: 'Ja, återställ' }));
    expect(await screen.findByText(/Tvåstegsverifieringen är återställd/)).toBeTruthy();
    expect(await screen.findByText('Inte aktiverad ännu')).toBeTruthy();
    expect(screen.getByText('new-otp-5521')).toBeTruthy();

    await user.click(screen.getByLabelText('Granskare'));
    await user.click(screen.getByRole('button', { name: 'Spara ändringar' }));
    await screen.findByText('Ändringarna har sparats.');
    expect(api.calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ version: stored.version + 2 });
  });

  it('does not offer to edit one\'s own account here', async () => {
    const me = userWith(['organisation_administrator'], shelterOrg);
    installFakeApi((_method, path) => {
      if (path === '/api/v1/roles') return { status: 200, body: { items: roles } };
      if (path === `/api/v1/users/${me.id}`) return { status: 200, body: { ...stored, id: me.id } };
      return undefined;
    }, { session: sessionOf(me) });
    renderRoute(`/users/${me.id}`);
    await screen.findByText(/Det här är ditt eget konto/);
    expect(screen.queryByRole('button', { name: 'Spara ändringar' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Återställ lösenord' })).toBeNull();
  });
});

describe('the user list', () => {
  it('passes the filters and the page to the API', async () => {
    const api = installFakeApi((_method, path) => (path === '/api/v1/users' ? { status: 200, body: { items: [stored], total: 45 } } : undefined),
      { session: orgAdmin });
    renderRoute('/users?role=ngo_worker&active=false&page=2');
    await screen.findByRole('link', { name: 'Lisa Larsson' });
    expect(screen.getByText('45 användare hittades')).toBeTruthy();
    expect(api.calls.find((c) => c.path.startsWith('/api/v1/users?'))?.path).toBe('/api/v1/users?role=ngo_worker&active=false&limit=20&offset=20');
    expect(screen.getByRole('link', { name: 'Nästa sida' }).getAttribute('href')).toBe('/users?role=ngo_worker&active=false&page=3');
  });
});
