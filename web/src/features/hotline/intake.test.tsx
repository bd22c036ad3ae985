// The intake screen for an operator on the phone: the shortcuts on screen and on the keyboard, the call
// timer, identity fields only with a basis, the routing suggestions beside the form (reasons, bases,
// setting aside with a reason), the server's looks_identifying refusal on the situation, and the
// immediate-danger steps.
import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { CID, consultation, hotlineApi, ok, problem422 } from './hotlineFixture';
import type { NewConsultation, Situation } from './hotlineTypes';
import { useCallTimer } from './useCallTimer';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const operator = sessionOf(userWith(['hotline_operator']));

async function openIntake(more = hotlineApi(), lang: 'sv' | 'en' = 'sv') {
  const api = installFakeApi(more, { session: operator });
  renderRoute('/hotline/new', lang);
  await screen.findByRole('heading', { level: 1, name: lang === 'sv' ? 'Ny konsultation' : 'New consultation' });
  return api;
}

async function chooseKiruna(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('combobox', { name: 'Kommun' }), 'Kir');
  await user.click(await screen.findByRole('option', { name: /Kiruna/ }));
}

describe('the intake screen', () => {
  it('documents its shortcuts on screen and answers them: Alt+2 topic, Alt+K knowledge base, Ctrl+Enter saves', async () => {
    let saved: NewConsultation | null = null;
    await openIntake(hotlineApi((method, path, body) => {
      if (method === 'POST' && path === '/api/v1/consultations') {
        saved = body as NewConsultation;
        return ok(consultation({ topic: 'human_exploitation', municipality_code: '' }), 201);
      }
      return undefined;
    }));
    const help = screen.getByRole('region', { name: 'Kortkommandon' });
    for (const key of ['Alt+1 … Alt+7', 'Alt+D', 'Alt+K', 'Alt+T', 'Ctrl+Enter']) expect(help.textContent).toContain(key);
    const user = userEvent.setup();
    await user.keyboard('{Alt>}2{/Alt}');
    expect(screen.getByRole('radio', { name: /Människoexploatering/ })).toHaveProperty('checked', true);
    await user.keyboard('{Alt>}k{/Alt}');
    expect(await screen.findByRole('dialog', { name: 'Kunskapsbanken' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => { expect(screen.queryByRole('dialog', { name: 'Kunskapsbanken' })).toBeNull(); });
    await user.click(screen.getByLabelText('Beskriv situationen'));
    await user.keyboard('Bärplockare utan lön.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Konsultationen KON-2026-000123 är sparad.')).toBeTruthy();
    expect(saved).toMatchObject({
      channel: 'phone', topic: 'human_exploitation', situation: 'Bärplockare utan lön.', identity_basis: 'none',
      identity: { name: '', date_of_birth: null, phone: '', email: '' }, assign_to_me: true, immediate_danger: false,
    });
    expect(typeof saved?.['duration_seconds']).toBe('number');
    expect(screen.getByRole('heading', { level: 1, name: 'Konsultation KON-2026-000123' })).toBeTruthy();
  });

  it('runs a call timer that shows the time, pauses with Alt+T and starts again', async () => {
    await openIntake();
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toMatch(/^0:0\d$/);
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: /Pausa/ })).toBeTruthy();
    await user.keyboard('{Alt>}t{/Alt}');
    expect(screen.getByRole('button', { name: /Starta/ })).toBeTruthy();
    expect(screen.getByText('(pausad)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Starta/ }));
    expect(screen.getByRole('button', { name: /Pausa/ })).toBeTruthy();
  });

  it('shows the identity fields only with consent or, for a child, a report of concern', async () => {
    await openIntake();
    const user = userEvent.setup();
    expect(screen.queryByLabelText('Personens namn')).toBeNull();
    expect(screen.getByText('Konsultationen är anonym: inga identitetsuppgifter registreras.')).toBeTruthy();
    expect(screen.queryByRole('radio', { name: 'Orosanmälan för ett barn' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Personen har samtyckt till att identifieras' }));
    expect(screen.getByLabelText('Personens namn')).toBeTruthy();
    expect(screen.getByLabelText('Födelsedatum')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Ingen – konsultationen är anonym' }));
    expect(screen.queryByLabelText('Personens namn')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Ålder', { selector: 'select' }), 'child');
    await user.click(screen.getByRole('radio', { name: 'Orosanmälan för ett barn' }));
    expect(screen.getByLabelText('Personens namn')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Ålder', { selector: 'select' }), 'adult');
    expect(screen.queryByLabelText('Personens namn')).toBeNull();
  });

  it('shows the server\'s looks_identifying refusal on the situation field', async () => {
    await openIntake(hotlineApi((method, path) =>
      (method === 'POST' && path === '/api/v1/consultations' ? problem422([{ field: 'situation', rule: 'looks_identifying' }]) : undefined)));
    const user = userEvent.setup();
    expect(screen.getByText(/Skriv inte namn, personnummer/)).toBeTruthy();
    await user.keyboard('{Alt>}1{/Alt}');
    await user.type(screen.getByLabelText('Beskriv situationen'), 'Ring 070-123 45 67');
    await user.click(screen.getByRole('button', { name: /^Spara/ }));
    const error = await screen.findByText(/ser ut att innehålla ett personnummer/, { selector: '#intake-situation-error' });
    expect(error).toBeTruthy();
    expect(screen.getByLabelText('Beskriv situationen').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('editing a saved consultation', () => {
  it('loads it into the form, keeps the saved call time paused, and saves with PUT and the version', async () => {
    let put: Record<string, unknown> | null = null;
    installFakeApi(hotlineApi((method, path, body) => {
      if (method === 'GET' && path === `/api/v1/consultations/${CID}`) return ok(consultation({ version: 4 }));
      if (method === 'PUT' && path === `/api/v1/consultations/${CID}`) {
        put = body as Record<string, unknown>;
        return ok(consultation({ version: 5 }));
      }
      return undefined;
    }), { session: operator });
    renderRoute(`/hotline/consultations/${CID}/edit`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Konsultation KON-2026-000123' })).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toBe('5:00');
    expect(screen.getByLabelText('Beskriv situationen')).toHaveProperty('value', 'Bärplockare bor i en lada och får ingen lön.');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Råd som gavs'), ' Ring igen i morgon.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => { expect(put).not.toBeNull(); });
    expect(put).toMatchObject({ version: 4, duration_seconds: 300, advice: 'Kontakta regional samordnare. Ring igen i morgon.', municipality_code: '2584' });
    expect(put).not.toHaveProperty('assign_to_me');
  });
});

describe('the routing panel', () => {
  it('asks routing as the facts change and shows each suggestion\'s reason, legal basis, check badge, places and article', async () => {
    const asked: Situation[] = [];
    await openIntake(hotlineApi((method, path, body) => {
      if (method === 'POST' && path === '/api/v1/hotline/routing') asked.push(body as Situation);
      return undefined;
    }));
    const panel = screen.getByRole('complementary', { name: 'Vem bör agera?' });
    expect(within(panel).getByText('Välj kommun för att se förslag.')).toBeTruthy();
    const user = userEvent.setup();
    await chooseKiruna(user);
    expect(await within(panel).findByText('Regional samordnare för polisregionen där situationen finns.')).toBeTruthy();
    expect(panel.textContent).toContain('Kiruna · Norrbottens län · Polisregion Nord');
    expect(panel.textContent).toContain('Lagstöd för att dela: Personens samtycke (OSL 10 kap. 1 §)');
    expect(panel.textContent).toContain('Nödvändigt för myndighetens uppgift (OSL 10 kap. 2 §)');
    expect(within(panel).getAllByText('Stäm av lagrummet')).toHaveLength(1);
    expect(within(panel).getByText('3 lediga platser')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Läs: Regionala samordnare' })).toBeTruthy();
    expect(asked.at(-1)).toMatchObject({ municipality_code: '2584', immediate_danger: false, consents_to_sharing: false });
    // Not yet saved: Refer waits for the save and the person's consent.
    expect(within(panel).getByRole('button', { name: 'Remittera Regionkoordinator Nord' })).toHaveProperty('disabled', true);
    expect(panel.textContent).toContain('Spara konsultationen och registrera personens samtycke');
    await user.click(screen.getByLabelText('Arbetskraftsexploatering'));
    await waitFor(() => { expect(asked.at(-1)?.forms).toEqual(['labour']); });
  });

  it('reads the reasons and bases in English', async () => {
    await openIntake(hotlineApi(), 'en');
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Municipality' }), 'Kir');
    await user.click(await screen.findByRole('option', { name: /Kiruna/ }));
    const panel = screen.getByRole('complementary', { name: 'Who should act?' });
    expect(await within(panel).findByText('The regional coordinator of the police region where the situation is.')).toBeTruthy();
    expect(panel.textContent).toContain("Legal basis for sharing: The person's consent (Public Access and Secrecy Act, ch. 10 s. 1)");
    expect(within(panel).getByText('3 free places')).toBeTruthy();
  });

  it('sets a suggestion aside only with a reason, and saves it as an override', async () => {
    let saved: NewConsultation | null = null;
    await openIntake(hotlineApi((method, path, body) => {
      if (method === 'POST' && path === '/api/v1/consultations') {
        saved = body as NewConsultation;
        return ok(consultation(), 201);
      }
      return undefined;
    }));
    const user = userEvent.setup();
    await chooseKiruna(user);
    const panel = screen.getByRole('complementary', { name: 'Vem bör agera?' });
    await user.click(await within(panel).findByRole('button', { name: 'Välj bort Arbetsmiljöverket' }));
    await user.click(within(panel).getByRole('button', { name: 'Välj bort' }));
    expect(within(panel).getByText('Ange ett skäl.')).toBeTruthy();
    await user.type(within(panel).getByLabelText('Varför väljs Arbetsmiljöverket bort?'), 'Skatteverket har redan kontakt.');
    await user.click(within(panel).getByRole('button', { name: 'Välj bort' }));
    expect(within(panel).getByText('Bortvald')).toBeTruthy();
    expect(panel.textContent).toContain('Skäl: Skatteverket har redan kontakt.');
    await user.keyboard('{Alt>}1{/Alt}{Control>}{Enter}{/Control}');
    await waitFor(() => { expect(saved).not.toBeNull(); });
    expect(saved?.['overrides']).toEqual([{ organisation_id: 'org-arb', added: false, reason: 'Skatteverket har redan kontakt.' }]);
  });
});

describe('immediate danger', () => {
  it('marks danger with Alt+D and shows 112, the police and, outside office hours, the socialjour; records what was done', async () => {
    const steps: unknown[] = [];
    let saved: NewConsultation | null = null;
    await openIntake(hotlineApi((method, path, body) => {
      if (method === 'POST' && path === '/api/v1/consultations') {
        saved = body as NewConsultation;
        return ok(consultation({
          immediate_danger: true, urgency: 'immediate_danger',
          danger_steps: [{ n: 1, step: 'notified_regional_coordinator', done_at_us: Date.now() * 1000, recorded_by: null, recorded_at_us: Date.now() * 1000 }],
        }), 201);
      }
      if (method === 'POST' && path.endsWith('/danger-steps')) {
        steps.push(body);
        const b = body as { step: string; done_at_us: number };
        return ok({ n: 2, step: b.step, done_at_us: b.done_at_us, recorded_by: { id: 'x', name: 'Test Person' }, recorded_at_us: b.done_at_us }, 201);
      }
      return undefined;
    }, undefined, false));
    const user = userEvent.setup();
    expect(screen.queryByRole('region', { name: 'Akut fara – gör detta nu' })).toBeNull();
    await user.keyboard('{Alt>}d{/Alt}');
    const panel = await screen.findByRole('region', { name: 'Akut fara – gör detta nu' });
    expect(panel.textContent).toContain('Ring 112');
    expect(panel.textContent).toContain('Polisen på 114 14.');
    expect(await within(panel).findByText('Kontakta socialjouren', { selector: 'strong' })).toBeTruthy();
    expect(panel.textContent).toContain('Regional samordnare i polisregionen aviseras när du sparar');
    expect(screen.getByRole('button', { name: /Akut fara/, pressed: true })).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Klart Ring 112' }));
    expect(within(panel).getByText(/^Klart \d\d:\d\d$/)).toBeTruthy();
    await user.keyboard('{Alt>}1{/Alt}{Control>}{Enter}{/Control}');
    await waitFor(() => { expect(steps).toHaveLength(1); });
    expect(saved).toMatchObject({ immediate_danger: true, urgency: 'immediate_danger' });
    expect(steps[0]).toMatchObject({ step: 'called_112', done_at_us: expect.any(Number) as number });
    expect(await within(panel).findByText(/Regional samordnare i polisregionen aviserades \d\d:\d\d\./)).toBeTruthy();
  });

  it('leaves the socialjour out during office hours', async () => {
    await openIntake();
    const user = userEvent.setup();
    await user.keyboard('{Alt>}d{/Alt}');
    const panel = await screen.findByRole('region', { name: 'Akut fara – gör detta nu' });
    await waitFor(() => { expect(panel.textContent).toContain('Markera varje steg'); });
    expect(within(panel).queryByText('Kontakta socialjouren', { selector: 'strong' })).toBeNull();
  });
});

describe('the call timer', () => {
  it('counts while running and not while paused', () => {
    vi.useFakeTimers();
    const { result } = renderHook(() => useCallTimer(0, true));
    act(() => { vi.advanceTimersByTime(65_000); });
    expect(result.current.seconds).toBe(65);
    act(() => { result.current.pause(); });
    act(() => { vi.advanceTimersByTime(30_000); });
    expect(result.current.seconds).toBe(65);
    expect(result.current.running).toBe(false);
    act(() => { result.current.start(); });
    act(() => { vi.advanceTimersByTime(5_000); });
    expect(result.current.seconds).toBe(70);
  });

  it('starts paused from a saved duration', () => {
    vi.useFakeTimers();
    const { result } = renderHook(() => useCallTimer(300, false));
    act(() => { vi.advanceTimersByTime(10_000); });
    expect(result.current.seconds).toBe(300);
  });
});
