// Merging a duplicate record into a person on the case page: only records that may be merged are
// offered, a confirm step says what happens before anything is sent, the server's field problems show
// beside the choice, a stale version asks for a reload, and after the merge the list shows the link.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserOrganisation } from '../../api/accountTypes';
import type { Case } from '../../api/caseTypes';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, userWith, type Handler } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { mergeCandidates, type MergeablePerson } from './mergeApi';

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
  id, code, role: 'presumed_victim', names: [{ kind: 'name', latin }], date_of_birth: null, claimed_minor: false,
  gender: 'female', citizenship: {}, languages: [], documents: [], contact: {}, residence_permit: 'unknown', unaccompanied: false,
  protection: 'none', added_by: me,
  added_at: '2026-11-22T10:00:00Z', version: 1, merged_into: null, merged_from: [], ...extra,
});
const olena = person('p1', 'P-2026-000123', 'Olena Kovalenko');
const alena = person('p2', 'P-2026-000124', 'Alena Kovalenko', { version: 3 });
const witness = person('p3', 'P-2026-000125', 'Vittne Testsson', { role: 'witness' });
const assumed = person('p4', 'P-2026-000126', 'Fingerad', { protection: 'assumed_identity' });
const problem = (status: number, slug: string, errors: unknown[] = []) => ({
  status, body: { type: `https://opennrm.org/problems/${slug}`, title: slug, status, detail: '', errors },
});

function caseWith(persons: () => MergeablePerson[], merge: Handler): Handler {
  return (method, path, body) => {
    if (path === BASE) return { status: 200, body: stored };
    if (method === 'GET' && path === `${BASE}/persons`) return { status: 200, body: { items: persons() } };
    if (method === 'POST' && path === `${BASE}/persons/p1/merge`) return merge(method, path, body);
    return undefined;
  };
}

describe('merging duplicate persons', () => {
  it('offers only records of the same role, neither merged nor an assumed identity', () => {
    const merged = person('p5', 'P-2026-000127', 'X', { merged_into: 'p1' });
    expect(mergeCandidates(olena, [olena, alena, witness, assumed, merged]).map((p) => p.id)).toEqual(['p2']);
    expect(mergeCandidates(assumed, [olena, alena, assumed])).toEqual([]);
    expect(mergeCandidates(merged, [olena, alena, merged])).toEqual([]);
  });

  it('explains the merge before sending it, shows the server’s problem beside the choice, then merges', async () => {
    let merged = false;
    let posts = 0;
    const api = installFakeApi(caseWith(
      () => (merged
        ? [{ ...olena, version: 2, merged_from: ['p2'], names: [...olena.names, ...alena.names] }, { ...alena, merged_into: 'p1', version: 4 }, witness, assumed]
        : [olena, alena, witness, assumed]),
      () => {
        posts += 1;
        if (posts === 1) return problem(422, 'validation', [{ field: 'duplicate_person_id', rule: 'merge_different_roles', detail: 'x' }]);
        merged = true;
        return { status: 200, body: { ...olena, version: 2, merged_from: ['p2'] } };
      },
    ), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await screen.findByRole('rowheader', { name: 'P-2026-000123' }, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Slå ihop med dubblett av P-2026-000126' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Slå ihop med dubblett av P-2026-000123' }));
    const choice = screen.getByRole('group', { name: 'Dubblett att slå ihop med P-2026-000123' });
    expect(within(choice).queryByText(/Vittne Testsson/)).toBeNull();
    expect(within(choice).queryByText(/Fingerad/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Fortsätt' }));
    expect(document.getElementById('merge-duplicate-error')?.textContent).toContain('Välj vilken post som är en dubblett.');
    await user.click(within(choice).getByLabelText(/P-2026-000124/));
    await user.click(screen.getByRole('button', { name: 'Fortsätt' }));
    expect(screen.getByText('Sammanslagningen kan inte ångras.')).toBeTruthy();
    expect(screen.getByText(/P-2026-000124 finns kvar och kan läsas med all sin historik/)).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Slå ihop' }));
    await waitFor(() => {
      expect(document.getElementById('merge-duplicate-error')?.textContent).toContain('Bara personer med samma roll');
    });
    await user.click(screen.getByRole('button', { name: 'Fortsätt' }));
    await user.click(screen.getByRole('button', { name: 'Slå ihop' }));
    expect(await screen.findByText('P-2026-000124 är sammanslagen med P-2026-000123.')).toBeTruthy();
    const sent = api.calls.filter((c) => c.method === 'POST').at(-1);
    expect(sent?.body).toEqual({ duplicate_person_id: 'p2', expected_version: 1, duplicate_expected_version: 3 });
    expect(sent?.headers.get('X-CSRF-Token')).toBe('csrf-from-session');
    const retired = (await screen.findByRole('rowheader', { name: /^P-2026-000124/ })).closest('tr') as HTMLElement;
    expect(within(retired).getByText(/Sammanslagen med P-2026-000123/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Slå ihop med dubblett av P-2026-000124' })).toBeNull();
  });

  it('asks for a reload when someone else changed a record meanwhile', async () => {
    installFakeApi(caseWith(() => [olena, alena], () => problem(409, 'person-changed')), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Slå ihop med dubblett av P-2026-000123' }, { timeout: 5000 }));
    await user.click(within(screen.getByRole('group', { name: /^Dubblett/ })).getByLabelText(/P-2026-000124/));
    await user.click(screen.getByRole('button', { name: 'Fortsätt' }));
    await user.click(screen.getByRole('button', { name: 'Slå ihop' }));
    expect(await screen.findByText(/Någon annan har ändrat personerna/)).toBeTruthy();
  });
});
