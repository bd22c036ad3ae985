import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserOrganisation } from '../../api/accountTypes';
import type { Case, CasePerson } from '../../api/caseTypes';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { emptyPerson, localPersonProblems, personInput } from './AddPersonForm';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const municipality: UserOrganisation = { id: 'org-kom', name: 'Kiruna socialtjänst', kind: 'municipal_social_services' };
const socialWorker = sessionOf(userWith(['social_worker'], municipality));
const me = socialWorker.user.id;
const CASE_ID = '0123456789abcdef0123456789abcdef';
const stored: Case = {
  id: CASE_ID, code: 'NRM-2026-000045', type: 'human_exploitation', status: 'open', organisation_id: 'org-kom',
  created_at: '2026-11-20T08:00:00Z', updated_at: '2026-11-21T09:30:00Z', version: 1,
  closure_reason: null, steps_version: 'se-manual-2019', access: 'team', break_glass_expires_at: null,
  team: [{ user_id: me, display_name: 'Test Person', added_by: me, added_at: '2026-11-20T08:00:00Z' }],
};
const olena: CasePerson = {
  id: 'p1', code: 'P-2026-000123', role: 'presumed_victim',
  names: [{ kind: 'name', latin: 'Olena Kovalenko', original: 'Олена Коваленко' }],
  date_of_birth: { date: '2001-04' }, claimed_minor: false, gender: 'female',
  citizenship: { status: 'known', countries: ['UA'] }, languages: ['ukr'], documents: [], contact: {},
  residence_permit: 'none', unaccompanied: false,
  protection: 'none', added_by: me, added_at: '2026-11-22T10:00:00Z', version: 1,
};
const countries = {
  items: [
    { alpha2: 'UA', alpha3: 'UKR', numeric: '804', name_en: 'Ukraine', name_sv: 'Ukraina' },
    { alpha2: 'BG', alpha3: 'BGR', numeric: '100', name_en: 'Bulgaria', name_sv: 'Bulgarien' },
  ],
};
const languages = { items: [{ code: 'ukr', name_en: 'Ukrainian', name_sv: 'ukrainska', scope: 'I', type: 'L' }], total: 1 };
const problem = (status: number, slug: string, errors: unknown[] = []) => ({
  status, body: { type: `https://opennrm.org/problems/${slug}`, title: slug, status, detail: '', errors },
});

describe('the persons of a case', () => {
  it('lists each person with role, names in both scripts, date of birth, citizenship and languages', async () => {
    installFakeApi((_method, path) => {
      if (path === `/api/v1/cases/${CASE_ID}`) return { status: 200, body: stored };
      if (path === `/api/v1/cases/${CASE_ID}/persons`) return { status: 200, body: { items: [olena] } };
      if (path === '/api/v1/ref/countries') return { status: 200, body: countries };
      if (path === '/api/v1/ref/languages') return { status: 200, body: languages };
      return undefined;
    }, { session: socialWorker });
    renderRoute(`/cases/${CASE_ID}`);
    const row = (await screen.findByRole('rowheader', { name: 'P-2026-000123' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Presumtivt brottsoffer')).toBeTruthy();
    const original = within(row).getByText('Олена Коваленко');
    expect(original.getAttribute('dir')).toBe('auto');
    expect(within(row).getByText('Olena Kovalenko').getAttribute('dir')).toBe('auto');
    expect(within(row).getByText('2001-04')).toBeTruthy();
    expect(await within(row).findByText('Ukraina')).toBeTruthy();
    expect(await within(row).findByText('ukrainska (ukr)')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Lägg till person' })).toBeTruthy();
  });

  it('offers no form to a break-glass reader', async () => {
    installFakeApi((_method, path) => {
      if (path === `/api/v1/cases/${CASE_ID}`) return { status: 200, body: { ...stored, access: 'break_glass' } };
      if (path === `/api/v1/cases/${CASE_ID}/persons`) return { status: 200, body: { items: [olena] } };
      return undefined;
    }, { session: socialWorker });
    renderRoute(`/cases/${CASE_ID}`);
    expect(await screen.findByRole('rowheader', { name: 'P-2026-000123' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Lägg till person' })).toBeNull();
    expect(screen.getByText(/kan inte lägga till personer/)).toBeTruthy();
  });

  it('adds a person, and shows the server’s field problems beside the field', async () => {
    let posts = 0;
    const api = installFakeApi((method, path, body) => {
      if (path === `/api/v1/cases/${CASE_ID}`) return { status: 200, body: stored };
      if (method === 'GET' && path === `/api/v1/cases/${CASE_ID}/persons`) return { status: 200, body: { items: [] } };
      if (method === 'POST' && path === `/api/v1/cases/${CASE_ID}/persons`) {
        posts += 1;
        if (posts === 1) {
          return problem(422, 'validation', [
            { field: 'role', rule: 'suspect_needs_authority', detail: 'x' },
            { field: 'citizenship.countries[0]', rule: 'unknown_country', detail: 'x' },
          ]);
        }
        const input = body as { names: CasePerson['names'] };
        return { status: 201, body: { ...olena, id: 'p2', code: 'P-2026-000124', role: 'witness', names: input.names, date_of_birth: { age_min: 25, age_max: 30, estimated_on: '2026-11-29' } } };
      }
      if (path === '/api/v1/ref/countries') return { status: 200, body: countries };
      return undefined;
    }, { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await screen.findByText('Ärendet har inga personer ännu.');
    await user.click(screen.getByRole('button', { name: 'Lägg till person' }));
    expect(document.getElementById('person-role-error')?.textContent).toContain('Välj personens roll.');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await user.click(screen.getByLabelText('Misstänkt'));
    await user.type(screen.getByLabelText('Namn 1 med latinska bokstäver'), 'Ivan Yordanov');
    await user.type(screen.getByLabelText('Namn 1 i originalskrift'), 'Иван Йорданов');
    await user.click(screen.getByLabelText('Bara en bedömd ålder'));
    await user.type(screen.getByLabelText('Lägsta bedömda ålder (år)'), '25');
    await user.type(screen.getByLabelText('Högsta bedömda ålder (år)'), '30');
    await user.selectOptions(screen.getByLabelText('Medborgarskap'), 'known');
    await user.type(screen.getByLabelText('Medborgarskap i land'), 'bulg');
    await user.click(await screen.findByRole('option', { name: 'Bulgarien (BG)' }));
    await user.click(screen.getByRole('button', { name: 'Lägg till person' }));
    await waitFor(() => {
      expect(document.getElementById('person-role-error')?.textContent).toContain('Din organisation är ingen myndighet');
    });
    expect(document.getElementById('person-countries-error')?.textContent).toContain('Landet finns inte i listan');

    await user.click(screen.getByLabelText('Vittne'));
    await user.click(screen.getByRole('button', { name: 'Lägg till person' }));
    expect(await screen.findByText('Personen P-2026-000124 är tillagd i ärendet.')).toBeTruthy();
    const row = screen.getByRole('rowheader', { name: 'P-2026-000124' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Иван Йорданов')).toBeTruthy();
    expect(within(row).getByText(/ca 25–30 år/)).toBeTruthy();
    const sent = api.calls.filter((c) => c.method === 'POST').at(-1);
    expect(sent?.body).toMatchObject({
      role: 'witness',
      names: [{ kind: 'name', latin: 'Ivan Yordanov', original: 'Иван Йорданов' }],
      date_of_birth: { age_min: 25, age_max: 30 },
      citizenship: { status: 'known', countries: ['BG'] },
    });
    expect(sent?.headers.get('X-CSRF-Token')).toBe('csrf-from-session');
  });

  it('checks dates and ages before sending, and leaves empty fields out', () => {
    const d = { ...emptyPerson(), role: 'witness', dob: '90-4' };
    expect(localPersonProblems(d)).toEqual([{ field: 'date_of_birth.date', rule: 'format', detail: '' }]);
    expect(localPersonProblems({ ...d, dobMode: 'estimate', ageMin: '30', ageMax: '20' }))
      .toEqual([{ field: 'date_of_birth.age_max', rule: 'order', detail: '' }]);
    expect(personInput({ ...emptyPerson(), role: 'witness', dob: '1990-04' }, '2026-11-29'))
      .toEqual({ role: 'witness', date_of_birth: { date: '1990-04' } });
    expect(personInput({ ...emptyPerson(), role: 'witness', dobMode: 'estimate', ageMin: '16', ageMax: '18', phone: ' 070 ' }, '2026-11-29'))
      .toEqual({ role: 'witness', date_of_birth: { age_min: 16, age_max: 18, estimated_on: '2026-11-29' }, contact: { phones: ['070'] } });
  });
});

describe('finding a person', () => {
  it('searches by name in a POST body and links each result to its case', async () => {
    const api = installFakeApi((method, path) => {
      if (method === 'POST' && path === '/api/v1/persons/search') {
        return { status: 200, body: { items: [{ ...olena, case_id: CASE_ID, match: 'phonetic' }] } };
      }
      return undefined;
    }, { session: socialWorker });
    const user = userEvent.setup();
    renderRoute('/cases/find-person');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sök person' })).toBeTruthy();
    expect(screen.getByText(/Bara personer i dina egna ärenden visas/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    expect(document.getElementById('person-search-name-error')?.textContent).toContain('Skriv ett namn');
    await user.type(screen.getByLabelText(/^Namn/), 'Kovalenko');
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    const row = (await screen.findByRole('rowheader', { name: 'P-2026-000123' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Låter likadant')).toBeTruthy();
    expect(within(row).getByText('Олена Коваленко')).toBeTruthy();
    expect(within(row).getByRole('link').getAttribute('href')).toBe(`/cases/${CASE_ID}`);
    expect(screen.getByText('1 person hittades')).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/v1/persons/search');
    expect(post?.body).toEqual({ name: 'Kovalenko', limit: 20 });
  });

  it('says when nobody matches', async () => {
    installFakeApi((method, path) => (method === 'POST' && path === '/api/v1/persons/search' ? { status: 200, body: { items: [] } } : undefined),
      { session: socialWorker });
    const user = userEvent.setup();
    renderRoute('/cases/find-person', 'en');
    await user.type(await screen.findByLabelText(/^Name/), 'Nobody');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText(/No person in your cases has that name/)).toBeTruthy();
  });
});
