// Correcting a person on the case page: the form starts from the person as read and sends back what it
// does not show; raising protection asks for a confirmation that says what happens before anything is
// sent; the server's problems show beside the field; a stale version asks for a reload; an assumed
// identity is neither offered nor taken away, and a merged record has no Edit action.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserOrganisation } from '../../api/accountTypes';
import type { Case } from '../../api/caseTypes';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, userWith, type Handler } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import type { MergeablePerson } from './mergeApi';
import { editDraft, raisesProtection, updateInput } from './personEdit';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const municipality: UserOrganisation = { id: 'org-kom', name: 'Kiruna socialtjänst', kind: 'municipal_social_services' };
const socialWorker = sessionOf(userWith(['social_worker'], municipality));
const me = socialWorker.user.id;
const CASE_ID = '0123456789abcdef0123456789abcdef';
const BASE = `/api/v1/cases/${CASE_ID}`;
const stored: Case = {
  id: CASE_ID, code: 'NRM-2026-000045', type: 'human_exploitation', status: 'open', organisation_id: 'org-kom',
  created_at: '2026-11-20T08:00:00Z', updated_at: '2026-11-21T09:30:00Z', version: 1,
  closure_reason: null, steps_version: 'se-manual-2019', access: 'team', break_glass_expires_at: null,
  team: [{ user_id: me, display_name: 'Test Person', added_by: me, added_at: '2026-11-20T08:00:00Z' }],
};
const person = (id: string, code: string, latin: string, extra: Partial<MergeablePerson> = {}): MergeablePerson => ({
  id, code, role: 'presumed_victim', names: [{ kind: 'name', latin, original: '' }], date_of_birth: { date: '1995-04' },
  claimed_minor: false, gender: 'female', citizenship: { status: 'known', countries: ['RO'] }, languages: ['ron'],
  documents: [{ type: 'passport', number: 'X123', issuing_country: 'RO', expires_on: null }],
  contact: { phones: ['070 1', '070 2'], emails: [], address: 'Storgatan 1', notes: '' }, residence_permit: 'has_permit',
  unaccompanied: false, protection: 'none',
  added_by: me, added_at: '2026-11-22T10:00:00Z', version: 2, merged_into: null, merged_from: [], ...extra,
});
const ioana = person('p1', 'P-2026-000123', 'Ioana Radulescu');
const merged = person('p2', 'P-2026-000124', 'Ioana Dubblett', { merged_into: 'p1' });
const assumed = person('p3', 'P-2026-000125', 'Fingerad', { protection: 'assumed_identity' });
const problem = (status: number, slug: string, errors: unknown[] = []) => ({
  status, body: { type: `https://opennrm.org/problems/${slug}`, title: slug, status, detail: '', errors },
});

function caseWith(persons: () => MergeablePerson[], put: Handler): Handler {
  return (method, path, body) => {
    if (path === BASE) return { status: 200, body: stored };
    if (method === 'GET' && path === `${BASE}/persons`) return { status: 200, body: { items: persons() } };
    if (method === 'PUT' && path.startsWith(`${BASE}/persons/`)) return put(method, path, body);
    return undefined;
  };
}

describe('correcting a person', () => {
  it('sends back what the form does not show, and knows which changes raise protection', () => {
    const d = { ...editDraft(ioana), names: [{ kind: 'name' as const, latin: 'Ioana Vasilescu', original: '' }], phone: '070 9' };
    expect(updateInput(ioana, d, '2026-11-29')).toEqual({
      names: [{ kind: 'name', latin: 'Ioana Vasilescu' }],
      date_of_birth: { date: '1995-04' },
      gender: 'female',
      citizenship: { status: 'known', countries: ['RO'] },
      languages: ['ron'],
      contact: { phones: ['070 9', '070 2'], address: 'Storgatan 1' },
      documents: [{ type: 'passport', number: 'X123', issuing_country: 'RO' }],
      residence_permit: 'has_permit',
      unaccompanied: false,
      protection: 'none',
      expected_version: 2,
    });
    expect(raisesProtection('none', 'secrecy_marking')).toBe(true);
    expect(raisesProtection('secrecy_marking', 'protected_registration')).toBe(true);
    expect(raisesProtection('protected_registration', 'none')).toBe(false);
    expect(raisesProtection('secrecy_marking', 'secrecy_marking')).toBe(false);
  });

  it('confirms a raised protection before sending it, shows the server’s problem, then saves', async () => {
    let saved = false;
    let puts = 0;
    const api = installFakeApi(caseWith(
      () => (saved ? [{ ...ioana, protection: 'protected_registration', version: 3 }, merged, assumed] : [ioana, merged, assumed]),
      () => {
        puts += 1;
        if (puts === 1) return problem(422, 'validation', [{ field: 'citizenship.countries[0]', rule: 'unknown_country', detail: 'x' }]);
        saved = true;
        return { status: 200, body: { ...ioana, protection: 'protected_registration', version: 3 } };
      },
    ), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await screen.findByRole('rowheader', { name: /^P-2026-000123/ }, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Ändra uppgifterna om P-2026-000124' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Ändra uppgifterna om P-2026-000123' }));
    const latin = document.getElementById('person-edit-name-0-latin') as HTMLInputElement;
    expect(latin.value).toBe('Ioana Radulescu');
    fireEvent.change(latin, { target: { value: 'Ioana Vasilescu' } });
    await user.selectOptions(screen.getByLabelText(/^Skyddade personuppgifter/), 'protected_registration');
    await user.click(screen.getByRole('button', { name: 'Spara ändringarna' }));
    expect(screen.getByText(/Ärendets kommuner tas bort ur listornas filter och ur statistiken/)).toBeTruthy();
    expect(screen.getByText(/Bara ärendets team ser personen/)).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Spara med skydd' }));
    await waitFor(() => {
      expect(document.getElementById('person-edit-countries-error')?.textContent).toContain('Landet finns inte i listan');
    });
    await user.click(screen.getByRole('button', { name: 'Spara ändringarna' }));
    await user.click(screen.getByRole('button', { name: 'Spara med skydd' }));
    expect(await screen.findByText('Uppgifterna om P-2026-000123 är sparade.')).toBeTruthy();
    const sent = api.calls.filter((c) => c.method === 'PUT').at(-1);
    expect(sent?.path).toBe(`${BASE}/persons/p1`);
    expect(sent?.body).toMatchObject({
      names: [{ kind: 'name', latin: 'Ioana Vasilescu' }], protection: 'protected_registration', expected_version: 2,
    });
    expect(sent?.headers.get('X-CSRF-Token')).toBe('csrf-from-session');
  });

  it('offers no assumed identity, keeps one as it is, and asks for a reload on a stale version', async () => {
    installFakeApi(caseWith(() => [ioana, assumed], () => problem(409, 'person-changed')), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Ändra uppgifterna om P-2026-000123' }, { timeout: 5000 }));
    const levels = Array.from(document.querySelectorAll<HTMLOptionElement>('#person-edit-protection option'), (o) => o.value);
    expect(levels).toEqual(['none', 'secrecy_marking', 'protected_registration']);
    await user.click(screen.getByRole('button', { name: 'Spara ändringarna' }));
    expect(await screen.findByText(/Någon annan har ändrat personen/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Ändra uppgifterna om P-2026-000125' }));
    expect(screen.queryByRole('combobox', { name: /^Skyddade personuppgifter/ })).toBeNull();
    expect(screen.getByText(/Den här posten behåller dem/)).toBeTruthy();
  });
});
