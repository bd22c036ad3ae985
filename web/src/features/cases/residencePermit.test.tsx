// A person's residence permit and whether a child is unaccompanied on the case page: asked in the
// person form (the permit not of a Swedish citizen, the unaccompanied box only while the person may be
// a child), sent in the request body, and shown in the person list in both languages.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserOrganisation } from '../../api/accountTypes';
import type { Case, CasePerson } from '../../api/caseTypes';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { emptyPerson, personInput } from './AddPersonForm';
import type { MergeablePerson } from './mergeApi';
import { editDraft, updateInput } from './personEdit';
import { draftMayBeChild, mayBeChild } from './personRules';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const municipality: UserOrganisation = { id: 'org-kom', name: 'Kiruna socialtjänst', kind: 'municipal_social_services' };
const socialWorker = sessionOf(userWith(['social_worker'], municipality));
const me = socialWorker.user.id;
const CASE_ID = '0123456789abcdef0123456789abcdef';
const BASE = `/api/v1/cases/${CASE_ID}`;
const SLOW = { timeout: 5000 };
const stored: Case = {
  id: CASE_ID, code: 'NRM-2026-000045', type: 'human_exploitation', status: 'open', organisation_id: 'org-kom',
  created_at: '2026-11-20T08:00:00Z', updated_at: '2026-11-21T09:30:00Z', version: 1,
  closure_reason: null, steps_version: 'se-manual-2019', access: 'team', break_glass_expires_at: null,
  team: [{ user_id: me, display_name: 'Test Person', added_by: me, added_at: '2026-11-20T08:00:00Z' }],
};
const person = (patch: Partial<MergeablePerson>): MergeablePerson => ({
  id: 'p1', code: 'P-2026-000123', role: 'presumed_victim', names: [{ kind: 'name', latin: 'Syntet Testsson' }],
  date_of_birth: { age_min: 15, age_max: 17, estimated_on: '2026-11-20' }, claimed_minor: true, gender: 'female',
  citizenship: { status: 'known', countries: ['UA'] }, languages: [], documents: [], contact: {},
  residence_permit: 'none', unaccompanied: true, protection: 'none', added_by: me, added_at: '2026-11-22T10:00:00Z',
  version: 1, merged_into: null, merged_from: [], ...patch,
});
const countries = {
  items: [
    { alpha2: 'UA', alpha3: 'UKR', numeric: '804', name_en: 'Ukraine', name_sv: 'Ukraina' },
    { alpha2: 'SE', alpha3: 'SWE', numeric: '752', name_en: 'Sweden', name_sv: 'Sverige' },
  ],
};

function casePage(persons: () => CasePerson[], onPost?: (body: unknown) => CasePerson) {
  return installFakeApi((method, path, body) => {
    if (path === BASE) return { status: 200, body: stored };
    if (method === 'GET' && path === `${BASE}/persons`) return { status: 200, body: { items: persons() } };
    if (method === 'POST' && path === `${BASE}/persons` && onPost) return { status: 201, body: onPost(body) };
    if (path === '/api/v1/ref/countries') return { status: 200, body: countries };
    return undefined;
  }, { session: socialWorker });
}

const byId = (id: string) => document.getElementById(id);
const labelOf = (id: string) => document.querySelector(`label[for="${id}"]`)?.textContent;

describe('the person form', () => {
  it('asks for the residence permit in plain words and the unaccompanied child while the person may be one, and sends both', async () => {
    const api = casePage(() => [], (body) => ({ ...person({ id: 'p2', code: 'P-2026-000124' }), ...(body as object) }));
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await screen.findByText('Ärendet har inga personer ännu.', undefined, SLOW);
    expect(screen.getByRole('group', { name: /^Uppehållstillstånd i Sverige/ })).toBeTruthy();
    expect(labelOf('person-residence-permit-none')).toBe('Har inget uppehållstillstånd i Sverige');
    expect(labelOf('person-residence-permit-has_permit')).toBe('Har uppehållstillstånd');
    expect(labelOf('person-residence-permit-unknown')).toBe('Vet inte');
    expect(byId('person-residence-permit-unknown')).toHaveProperty('checked', true);

    // No birth date yet: may be a child. A birth date of an adult hides the box; an estimated 15–17 shows it.
    expect(byId('person-unaccompanied')).toBeTruthy();
    await user.click(screen.getByLabelText('Presumtivt brottsoffer'));
    await user.type(screen.getByLabelText('Födelsedatum'), '1990-04');
    expect(byId('person-unaccompanied')).toBeNull();
    await user.click(screen.getByLabelText('Bara en bedömd ålder'));
    await user.type(screen.getByLabelText('Lägsta bedömda ålder (år)'), '15');
    await user.type(screen.getByLabelText('Högsta bedömda ålder (år)'), '17');
    await user.click(screen.getByLabelText(/^Ensamkommande barn/));
    await user.click(screen.getByLabelText('Har inget uppehållstillstånd i Sverige'));
    await user.click(screen.getByRole('button', { name: 'Lägg till person' }));
    expect(await screen.findByText('Personen P-2026-000124 är tillagd i ärendet.')).toBeTruthy();
    const sent = api.calls.filter((c) => c.method === 'POST').at(-1);
    expect(sent?.body).toMatchObject({ role: 'presumed_victim', residence_permit: 'none', unaccompanied: true });
  });

  it('does not ask a Swedish citizen about a residence permit', async () => {
    casePage(() => []);
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`, 'en');
    await screen.findByText('The case has no persons yet.', undefined, SLOW);
    expect(labelOf('person-residence-permit-none')).toBe('Has no residence permit in Sweden');
    await user.selectOptions(screen.getByLabelText('Citizenship'), 'known');
    await user.type(screen.getByLabelText('Citizen of'), 'swe');
    await user.click(await screen.findByRole('option', { name: 'Sweden (SE)' }));
    await waitFor(() => { expect(byId('person-residence-permit-none')).toBeNull(); });
    expect(byId('person-residence-permit')?.textContent).toMatch(/Swedish citizen/);
  });

  it('leaves out what does not apply: the permit of a Swedish citizen, the box of an adult', () => {
    const d = { ...emptyPerson(), role: 'witness', residencePermit: 'has_permit' as const, unaccompanied: true };
    expect(personInput({ ...d, dobMode: 'estimate', ageMin: '15', ageMax: '17' }, '2026-11-29'))
      .toMatchObject({ residence_permit: 'has_permit', unaccompanied: true });
    const adult = personInput({ ...d, dob: '1990-04', citizenship: 'known', countries: ['UA', 'SE'] }, '2026-11-29');
    expect(adult).toEqual({ role: 'witness', date_of_birth: { date: '1990-04' }, citizenship: { status: 'known', countries: ['UA', 'SE'] } });
    expect(personInput({ ...emptyPerson(), role: 'witness' }, '2026-11-29')).toEqual({ role: 'witness' });
  });

  it('reads both back when correcting a person, and sends them as they now stand', () => {
    const p = person({ residence_permit: 'has_permit', unaccompanied: true });
    const d = editDraft(p);
    expect(d).toMatchObject({ residencePermit: 'has_permit', unaccompanied: true });
    expect(updateInput(p, { ...d, residencePermit: 'none' }, '2026-11-29'))
      .toMatchObject({ residence_permit: 'none', unaccompanied: true });
    // An adult now, and a Swedish citizen: not unaccompanied, and the permit is not known.
    expect(updateInput(p, { ...d, dobMode: 'date', dob: '1990', claimedMinor: false, countries: ['SE'] }, '2026-11-29'))
      .toMatchObject({ residence_permit: 'unknown', unaccompanied: false });
  });

  it('shares the may-be-a-child rule with the child track', () => {
    expect(mayBeChild(person({ claimed_minor: false, date_of_birth: { date: '1990' } }), 2026)).toBe(false);
    expect(mayBeChild(person({ claimed_minor: false, date_of_birth: null }), 2026)).toBe(true);
    expect(draftMayBeChild({ ...emptyPerson(), dob: '2012' }, 2026)).toBe(true);
    expect(draftMayBeChild({ ...emptyPerson(), dob: '20' }, 2026)).toBe(true);
    expect(draftMayBeChild({ ...emptyPerson(), dobMode: 'estimate', ageMin: '30', ageMax: '40' }, 2026)).toBe(false);
    expect(draftMayBeChild({ ...emptyPerson(), role: 'accompanying_child', dob: '1990' }, 2026)).toBe(true);
  });
});

describe('the person list', () => {
  it('shows the residence permit and an unaccompanied child, in Swedish', async () => {
    casePage(() => [person({}), person({ id: 'p3', code: 'P-2026-000125', citizenship: { status: 'known', countries: ['SE'] }, residence_permit: 'has_permit', unaccompanied: false })]);
    renderRoute(`/cases/${CASE_ID}`);
    const row = (await screen.findByRole('rowheader', { name: 'P-2026-000123' }, SLOW)).closest('tr') as HTMLElement;
    expect(within(row).getByText('Uppehållstillstånd: inget')).toBeTruthy();
    expect(within(row).getByText('Ensamkommande barn')).toBeTruthy();
    const swede = screen.getByRole('rowheader', { name: 'P-2026-000125' }).closest('tr') as HTMLElement;
    expect(swede.textContent).not.toMatch(/Uppehållstillstånd|Ensamkommande/);
  });

  it('shows them in English', async () => {
    casePage(() => [person({}), person({ id: 'p3', code: 'P-2026-000125', residence_permit: 'unknown', unaccompanied: false })]);
    renderRoute(`/cases/${CASE_ID}`, 'en');
    const row = (await screen.findByRole('rowheader', { name: 'P-2026-000123' }, SLOW)).closest('tr') as HTMLElement;
    expect(within(row).getByText('Residence permit: none')).toBeTruthy();
    expect(within(row).getByText('Unaccompanied child')).toBeTruthy();
    const unknown = screen.getByRole('rowheader', { name: 'P-2026-000125' }).closest('tr') as HTMLElement;
    expect(unknown.textContent).not.toMatch(/Residence permit|Unaccompanied/);
  });
});
