import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';

afterEach(() => {
  vi.unstubAllGlobals();
});

const emailProblem = {
  status: 422,
  body: {
    type: 'https://opennrm.org/problems/validation', title: 'The request breaks one or more rules.', status: 422,
    detail: 'Not a valid e-mail address.',
    errors: [
      { field: 'contact.email', rule: 'format', detail: 'Not a valid e-mail address.' },
      { field: 'coverage.codes[0]', rule: 'unknown_code', detail: "'9999' is not a known municipality code." },
    ],
  },
};

describe('the organisation form', () => {
  it('labels every control and lists services from the catalogue', async () => {
    installFakeApi();
    const { container } = renderRoute('/organisations/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ny organisation' })).toBeTruthy();
    expect(await screen.findByLabelText('Skyddat boende för kvinnor')).toBeTruthy();
    for (const label of ['Namn', 'Typ av organisation', 'Telefon', 'E-post', 'Webbplats', 'Postadress', 'Skyddad adress', 'Lägg till kommun']) {
      expect(screen.getByLabelText(new RegExp(`^${label}`))).toBeTruthy();
    }
    const controls = container.querySelectorAll<HTMLInputElement>('main input, main select, main textarea');
    expect(controls.length).toBeGreaterThan(10);
    for (const c of controls) {
      const named = c.labels?.length || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
      expect(named, c.id).toBeTruthy();
    }
    expect(screen.getByText(/visas aldrig igen/)).toBeTruthy();
  });

  it('shows server errors beside their fields and in a focused summary', async () => {
    const api = installFakeApi((method, path) => (method === 'POST' && path === '/api/v1/organisations' ? emailProblem : undefined));
    const user = userEvent.setup();
    renderRoute('/organisations/new');
    await user.type(await screen.findByLabelText(/^Namn/), 'Testboendet');
    await user.selectOptions(screen.getByLabelText(/^Typ av organisation/), 'ngo_shelter');
    await user.type(screen.getByLabelText('E-post'), 'inte-en-adress');
    await user.click(screen.getByRole('button', { name: 'Skapa organisation' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => {
      expect(document.activeElement).toBe(summary);
    });
    expect(within(summary).getByRole('link', { name: /E-post: Ange en giltig e-postadress/ }).getAttribute('href')).toBe('#org-contact-email');

    const email = screen.getByLabelText('E-post');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    expect(describedBy).toContain('org-contact-email-error');
    expect(document.getElementById('org-contact-email-error')?.textContent).toMatch(/Ange en giltig e-postadress/);

    const coverage = screen.getByRole('combobox', { name: 'Lägg till kommun' });
    expect(coverage.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('org-coverage-codes-error')?.textContent).toMatch(/Ett valt område finns inte/);

    const sent = api.calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ name: 'Testboendet', kind: 'ngo_shelter', contact: { email: 'inte-en-adress' } });
    expect(sent).not.toHaveProperty('protected_address');
  });

  it('asks the user to reload when the organisation changed meanwhile (409)', async () => {
    const org = {
      id: 'abc', name: 'Socialtjänsten', kind: 'municipal_social_services', public_authority: true, active: true,
      contact: { phone: '', email: '', website: '', postal_address: '' }, coverage: { scope: 'municipalities', codes: ['2584'] },
      services: [], languages: [], capacity: [], occupancy: null, free_places: null, has_protected_address: true,
      version: 2, created_at: '2026-11-28T21:00:00Z', updated_at: '2026-11-28T21:00:00Z',
    };
    const api = installFakeApi((method, path) => {
      if (path !== '/api/v1/organisations/abc') return undefined;
      if (method === 'GET') return { status: 200, body: org };
      return { status: 409, body: { type: 'https://opennrm.org/problems/conflict', title: 'Stale', status: 409, errors: [] } };
    });
    const user = userEvent.setup();
    renderRoute('/organisations/abc/edit', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit Socialtjänsten' })).toBeTruthy();
    expect(screen.getByText(/A protected address is stored/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { name: 'Someone else has changed the organisation' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload the latest version' })).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ version: 2, coverage: { codes: ['2584'] } });
  });
});
