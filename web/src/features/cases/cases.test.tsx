import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserOrganisation } from '../../api/accountTypes';
import type { Case, CaseSummary } from '../../api/caseTypes';
import { setCsrfToken } from '../../api/client';
import { installFakeApi as installBaseApi, sessionOf, userWith, type Handler } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { localBreakGlassProblems, reasonLength } from './BreakGlassPage';
import { idFromText } from './ids';
import { caseFiltersFromParams, paramsFromCaseFilters } from './query';

/** The fake API, where a case's persons (persons.test.tsx covers them) are none unless `handler` says otherwise. */
const installFakeApi = (handler: Handler, opts: Parameters<typeof installBaseApi>[1]) =>
  installBaseApi((method, path, body) => handler(method, path, body)
    ?? (method === 'GET' && path.endsWith('/persons') ? { status: 200, body: { items: [] } } : undefined), opts);

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const municipality: UserOrganisation = { id: 'org-kom', name: 'Kiruna socialtjänst', kind: 'municipal_social_services' };
const socialWorker = sessionOf(userWith(['social_worker'], municipality));
const me = socialWorker.user.id;
const CASE_ID = '0123456789abcdef0123456789abcdef';
const COLLEAGUE = 'fedcba9876543210fedcba9876543210';

const summary: CaseSummary = {
  id: CASE_ID, code: 'NRM-2026-000045', type: 'human_exploitation', status: 'open', organisation_id: 'org-kom',
  created_at: '2026-11-20T08:00:00Z', updated_at: '2026-11-21T09:30:00Z', version: 1,
};
const stored: Case = {
  ...summary, closure_reason: null, steps_version: 'se-manual-2019', access: 'team', break_glass_expires_at: null,
  team: [{ user_id: me, display_name: 'Test Person', added_by: me, added_at: '2026-11-20T08:00:00Z' }],
};
const problem = (status: number, slug: string, detail = '', errors: unknown[] = []) => ({
  status, body: { type: `https://opennrm.org/problems/${slug}`, title: slug, status, detail, errors },
});

describe('navigation', () => {
  it('offers Cases to case roles and not to administrators', async () => {
    installFakeApi(() => undefined, { session: socialWorker });
    const { unmount } = renderRoute('/');
    const nav = await screen.findByRole('navigation', { name: 'Huvudmeny' });
    expect(within(nav).getByRole('link', { name: 'Ärenden' }).getAttribute('href')).toBe('/cases');
    unmount();
    vi.unstubAllGlobals();
    installFakeApi(() => undefined, { session: sessionOf(userWith(['organisation_administrator'], municipality)) });
    renderRoute('/cases');
    expect(await screen.findByRole('heading', { level: 1, name: 'Du har inte behörighet' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Huvudmeny' })).queryByRole('link', { name: 'Ärenden' })).toBeNull();
  });
});

describe('the case list', () => {
  it('explains what a case is when there are none, and offers a new one', async () => {
    installFakeApi((_method, path) => (path === '/api/v1/cases' ? { status: 200, body: { items: [], total: 0, limit: 20, offset: 0 } } : undefined),
      { session: socialWorker });
    renderRoute('/cases');
    expect(await screen.findByRole('heading', { name: 'Du har inga ärenden ännu' })).toBeTruthy();
    expect(screen.getByText(/Ett ärende är din organisations anteckningar/)).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Nytt ärende' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: 'Öppna ärende med nödåtkomst' }).getAttribute('href')).toBe('/cases/break-glass');
  });

  it('lists cases with type and status in words, filters through the URL, and pages', async () => {
    const api = installFakeApi((_method, path) => (path === '/api/v1/cases'
      ? { status: 200, body: { items: [summary], total: 45, limit: 20, offset: 0 } } : undefined), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute('/cases?page=2', 'en');
    const link = await screen.findByRole('link', { name: 'NRM-2026-000045' });
    expect(link.getAttribute('href')).toBe(`/cases/${CASE_ID}`);
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('Human exploitation')).toBeTruthy();
    expect(within(row).getByText('Open')).toBeTruthy();
    expect(screen.getByText('45 cases')).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/v1/cases?limit=20&offset=20')).toBe(true);
    await user.selectOptions(screen.getByLabelText('Status'), 'closed');
    await user.selectOptions(screen.getByLabelText('Type of case'), 'return_only');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => {
      expect(api.calls.some((c) => c.path === '/api/v1/cases?status=closed&type=return_only&limit=20&offset=0')).toBe(true);
    });
    // A social worker may break the glass: the separate form is linked from the list.
    expect(screen.getByRole('link', { name: 'Open a case by break-glass' }).getAttribute('href')).toBe('/cases/break-glass');
  });

  it('keeps only known filters from the URL', () => {
    const f = caseFiltersFromParams(new URLSearchParams('status=gone&type=return_only&page=3'));
    expect(f).toEqual({ status: '', type: 'return_only', page: 2 });
    expect(paramsFromCaseFilters(f).toString()).toBe('type=return_only&page=3');
  });
});

describe('a new case', () => {
  it('explains every type, asks for one, creates the case and opens it', async () => {
    const api = installFakeApi((method, path) => {
      if (method === 'POST' && path === '/api/v1/cases') return { status: 201, body: { ...stored, type: 'return_only' } };
      if (path === `/api/v1/cases/${CASE_ID}`) return { status: 200, body: { ...stored, type: 'return_only' } };
      return undefined;
    }, { session: socialWorker });
    const user = userEvent.setup();
    renderRoute('/cases/new');
    const group = await screen.findByRole('group', { name: 'Vad gäller ärendet?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    for (const r of radios) expect(r.getAttribute('aria-describedby')).toMatch(/-explain$/);
    expect(screen.getByText(/Ett barn under 18 år har fått eller lovats ersättning/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Skapa ärende' }));
    expect(document.getElementById('case-type-error')?.textContent).toContain('Välj vad ärendet gäller.');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await user.click(screen.getByLabelText('Enbart återvändande'));
    await user.click(screen.getByRole('button', { name: 'Skapa ärende' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ärende NRM-2026-000045' })).toBeTruthy();
    expect(screen.getByText('Ärendet har skapats. Du är med i dess team.')).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ type: 'return_only' });
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-from-session');
  });

  it("shows the server's message when the organisation keeps no cases", async () => {
    installFakeApi((method, path) => (method === 'POST' && path === '/api/v1/cases'
      ? problem(403, 'organisation-keeps-no-cases', 'The national unit keeps hotline consultations, not cases.') : undefined),
    { session: sessionOf(userWith(['hotline_operator'])) });
    const user = userEvent.setup();
    renderRoute('/cases/new');
    await user.click(await screen.findByLabelText('Människohandel'));
    await user.click(screen.getByRole('button', { name: 'Skapa ärende' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Din organisation för inte ärenden.');
    expect(alert.textContent).toContain('The national unit keeps hotline consultations, not cases.');
  });

  it('shows a server rule beside the field', async () => {
    installFakeApi((method, path) => (method === 'POST' && path === '/api/v1/cases'
      ? problem(422, 'validation', '', [{ field: 'type', rule: 'unknown_code', detail: 'Choose a case type' }]) : undefined),
    { session: socialWorker });
    const user = userEvent.setup();
    renderRoute('/cases/new');
    await user.click(await screen.findByLabelText('Människohandel'));
    await user.click(screen.getByRole('button', { name: 'Skapa ärende' }));
    await waitFor(() => {
      expect(document.getElementById('case-type-error')?.textContent).toContain('Välj en av typerna i listan.');
    });
  });
});

describe('the case page', () => {
  it('shows the case and its team, adds a colleague by user id and removes them again', async () => {
    const colleague = { user_id: COLLEAGUE, display_name: 'Karin Kollega', added_by: me, added_at: '2026-11-22T10:00:00Z' };
    const api = installFakeApi((method, path, body) => {
      if (method === 'GET' && path === `/api/v1/cases/${CASE_ID}`) return { status: 200, body: stored };
      if (method === 'POST' && path === `/api/v1/cases/${CASE_ID}/team`) {
        const id = (body as { user_id: string }).user_id;
        if (id !== COLLEAGUE) return problem(422, 'validation', '', [{ field: 'user_id', rule: 'not_eligible', detail: 'no' }]);
        return { status: 200, body: { ...stored, team: [...stored.team, colleague] } };
      }
      if (method === 'DELETE' && path === `/api/v1/cases/${CASE_ID}/team/${COLLEAGUE}`) return { status: 204, body: null };
      return undefined;
    }, { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ärende NRM-2026-000045' })).toBeTruthy();
    expect(screen.getByText('Människoexploatering')).toBeTruthy();
    expect(screen.getByText('se-manual-2019')).toBeTruthy();
    expect(screen.getByText('Du är med i ärendets team.')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Test Person (du)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Ta bort/ })).toBeNull();

    const field = screen.getByLabelText(/^Kollegans användar-id/);
    await user.type(field, 'inte-ett-id');
    await user.click(screen.getByRole('button', { name: 'Lägg till i teamet' }));
    expect(document.getElementById('team-user-id-error')?.textContent).toContain('Ett användar-id är 32 tecken');
    await user.clear(field);
    await user.type(field, 'ABCDEFABCDEFABCDEFABCDEFABCDEFAB');
    await user.click(screen.getByRole('button', { name: 'Lägg till i teamet' }));
    await waitFor(() => {
      expect(document.getElementById('team-user-id-error')?.textContent).toContain('kontot måste vara aktivt');
    });
    await user.clear(field);
    await user.type(field, `  ${COLLEAGUE.toUpperCase()} `);
    await user.click(screen.getByRole('button', { name: 'Lägg till i teamet' }));
    expect(await screen.findByText('Karin Kollega är med i teamet.')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Karin Kollega' })).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ user_id: COLLEAGUE });

    const row = screen.getByRole('rowheader', { name: 'Karin Kollega' }).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Ta bort Karin Kollega från teamet' }));
    await user.click(within(row).getByRole('button', { name: 'Ja, ta bort' }));
    expect(await screen.findByText('Karin Kollega är borttagen från teamet.')).toBeTruthy();
    expect(screen.queryByRole('rowheader', { name: 'Karin Kollega' })).toBeNull();
  });

  it('says when the last team member cannot be removed', async () => {
    const two = { ...stored, team: [...stored.team, { user_id: COLLEAGUE, display_name: 'Karin Kollega', added_by: me, added_at: '2026-11-22T10:00:00Z' }] };
    installFakeApi((method, path) => {
      if (method === 'GET' && path === `/api/v1/cases/${CASE_ID}`) return { status: 200, body: two };
      if (method === 'DELETE') return problem(409, 'last-team-member');
      return undefined;
    }, { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const row = (await screen.findByRole('rowheader', { name: 'Karin Kollega' })).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Ta bort Karin Kollega från teamet' }));
    await user.click(within(row).getByRole('button', { name: 'Ja, ta bort' }));
    const team = screen.getAllByRole('region', { name: 'Team' })[0] as HTMLElement;
    expect((await within(team).findByRole('alert')).textContent).toContain('Ett ärende måste ha minst en person i teamet.');
  });

  it('shows a break-glass opening prominently, with its end, and no team changes', async () => {
    installFakeApi((_method, path) => (path === `/api/v1/cases/${CASE_ID}`
      ? { status: 200, body: { ...stored, access: 'break_glass', break_glass_expires_at: '2026-11-29T09:00:00Z' } } : undefined),
    { session: socialWorker });
    renderRoute(`/cases/${CASE_ID}`, 'en');
    const banner = await screen.findByRole('note', { name: 'You opened this case by break-glass' });
    expect(banner.textContent).toMatch(/Your access lasts until .*2026.*or until you sign out\./);
    expect(banner.textContent).toContain('administrators have been told');
    expect(screen.queryByRole('button', { name: 'Add to the team' })).toBeNull();
    expect(screen.getByText('You opened this case by break-glass and cannot change its team.')).toBeTruthy();
  });

  it('lands on the section a link names (#child-title) once it has rendered, and focuses it', async () => {
    const scrolled: string[] = [];
    const scrollIntoView = vi.fn(function (this: Element) { scrolled.push(this.id); });
    Object.defineProperty(Element.prototype, 'scrollIntoView', { value: scrollIntoView, configurable: true, writable: true });
    try {
      installFakeApi((method, path) => {
        if (method === 'GET' && path === `/api/v1/cases/${CASE_ID}`) return { status: 200, body: stored };
        if (method === 'GET' && path === `/api/v1/cases/${CASE_ID}/child-track`) {
          return { status: 200, body: { records: [], alerts: [], missing_alert_open: false } };
        }
        return undefined;
      }, { session: socialWorker });
      renderRoute(`/cases/${CASE_ID}#child-title`);
      const heading = await screen.findByRole('heading', { level: 2, name: 'Barnspåret' });
      await waitFor(() => { expect(document.activeElement).toBe(heading); });
      expect(heading.getAttribute('tabindex')).toBe('-1');
      expect(scrolled).toContain('child-title');
    } finally {
      Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
    }
  });

  it('says only "not found" for a case the user may not see, and offers no break-glass there', async () => {
    installFakeApi(() => undefined, { session: socialWorker });
    renderRoute(`/cases/${CASE_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ärendet hittades inte' })).toBeTruthy();
    expect(screen.queryByText(/nödåtkomst/i, { selector: 'main *' })).toBeNull();
  });
});

describe('break-glass', () => {
  it('warns, checks the reason, opens the case and shows it', async () => {
    const api = installFakeApi((method, path) => {
      if (method === 'POST' && path === `/api/v1/cases/${CASE_ID}/break-glass`) {
        return { status: 200, body: { ...stored, access: 'break_glass', break_glass_expires_at: '2026-11-29T09:00:00Z' } };
      }
      if (method === 'GET' && path === `/api/v1/cases/${CASE_ID}`) {
        return { status: 200, body: { ...stored, access: 'break_glass', break_glass_expires_at: '2026-11-29T09:00:00Z' } };
      }
      return undefined;
    }, { session: socialWorker });
    const user = userEvent.setup();
    renderRoute('/cases/break-glass');
    const warning = await screen.findByRole('note', { name: 'Öppningen loggas och administratörerna får veta' });
    expect(warning.textContent).toContain('administratörer får ett meddelande');
    await user.click(screen.getByRole('button', { name: 'Öppna ärendet med nödåtkomst' }));
    expect(document.getElementById('break-glass-case-error')?.textContent).toContain('Klistra in ärendets id eller länk.');
    expect(document.getElementById('break-glass-reason-error')?.textContent).toContain('Skriv skälet');

    await user.type(screen.getByLabelText(/^Ärendets id eller länk/), `https://opennrm.example/cases/${CASE_ID}`);
    await user.type(screen.getByLabelText(/^Skäl/), 'Sjuk');
    expect(screen.getByText('4 av högst 1000 tecken')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Öppna ärendet med nödåtkomst' }));
    expect(document.getElementById('break-glass-reason-error')?.textContent).toContain('Skriv minst 10 tecken.');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await user.type(screen.getByLabelText(/^Skäl/), 'skriven handläggare, personen ringer nu');
    await user.click(screen.getByRole('button', { name: 'Öppna ärendet med nödåtkomst' }));
    expect(await screen.findByRole('note', { name: 'Du har öppnat ärendet med nödåtkomst' })).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'Sjukskriven handläggare, personen ringer nu' });
  });

  it('says "no such case you can open" on a 404, beside the case field', async () => {
    installFakeApi(() => undefined, { session: socialWorker });
    const user = userEvent.setup();
    renderRoute('/cases/break-glass');
    await user.type(await screen.findByLabelText(/^Ärendets id eller länk/), CASE_ID);
    await user.type(screen.getByLabelText(/^Skäl/), 'Personen behöver skydd i natt.');
    await user.click(screen.getByRole('button', { name: 'Öppna ärendet med nödåtkomst' }));
    await waitFor(() => {
      expect(document.getElementById('break-glass-case-error')?.textContent).toContain('Det finns inget ärende med det id:t');
    });
  });

  it('sends someone already on the team to the case instead', async () => {
    installFakeApi((method, path) => (method === 'POST' && path === `/api/v1/cases/${CASE_ID}/break-glass`
      ? problem(403, 'already-on-team') : undefined), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute('/cases/break-glass');
    await user.type(await screen.findByLabelText(/^Ärendets id eller länk/), CASE_ID);
    await user.type(screen.getByLabelText(/^Skäl/), 'Personen behöver skydd i natt.');
    await user.click(screen.getByRole('button', { name: 'Öppna ärendet med nödåtkomst' }));
    expect(await screen.findByText(/Du är redan med i ärendets team/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Öppna ärendet' }).getAttribute('href')).toBe(`/cases/${CASE_ID}`);
  });

  it('is offered only to the roles that may break the glass', async () => {
    installFakeApi(() => undefined, { session: sessionOf(userWith(['ngo_worker'], municipality)) });
    renderRoute('/cases/break-glass');
    expect(await screen.findByRole('heading', { level: 1, name: 'Du har inte behörighet' })).toBeTruthy();
  });

  it('counts and checks the reason as the server does', () => {
    expect(reasonLength('  åäö  ')).toBe(3);
    expect(reasonLength('😀'.repeat(10))).toBe(10);
    expect(localBreakGlassProblems('', '').map((p) => `${p.field}:${p.rule}`)).toEqual(['case:required', 'reason:required']);
    expect(localBreakGlassProblems('nrm-2026', 'x'.repeat(1001)).map((p) => `${p.field}:${p.rule}`)).toEqual(['case:format', 'reason:too_long']);
    expect(localBreakGlassProblems(CASE_ID, 'x'.repeat(1000))).toEqual([]);
  });
});

describe('my account', () => {
  it('shows a case worker their user id, to give to a colleague who keeps a team', async () => {
    installFakeApi(() => undefined, { session: socialWorker });
    renderRoute('/account');
    expect(await screen.findByText(me)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Kopiera ditt användar-id' })).toBeTruthy();
  });
});

describe('ids a colleague pastes', () => {
  it('takes a bare id or a link ending in one', () => {
    expect(idFromText(` ${CASE_ID.toUpperCase()} `)).toBe(CASE_ID);
    expect(idFromText(`https://nrm.example/cases/${CASE_ID}/?x=1#top`)).toBe(CASE_ID);
    expect(idFromText('NRM-2026-000045')).toBeNull();
    expect(idFromText('')).toBeNull();
  });
});
