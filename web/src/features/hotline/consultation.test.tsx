// The consultation page: what was recorded, follow-ups (add, mark done), close, and the referral to the
// regional coordinator after recording the person's consent.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { authorityRules, consent, referral } from '../referrals/referralFixture';
import { CID, consultation, hotlineApi, ok } from './hotlineFixture';
import type { ConsultationConsent } from './hotlineTypes';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const operator = sessionOf(userWith(['hotline_operator']));
const BASE = `/api/v1/consultations/${CID}`;

describe('the consultation page', () => {
  it('shows what was recorded, adds a follow-up, marks one done and closes the consultation', async () => {
    const posts: { path: string; body: unknown }[] = [];
    installFakeApi(hotlineApi((method, path, body) => {
      if (method === 'GET' && path === BASE) {
        return ok(consultation({
          follow_ups: [{ id: 'f1', due_on: '2026-07-27', text: 'Ring tillbaka socialsekreteraren.', created_by: { id: 'x', name: 'Test Person' },
            created_at_us: Date.parse('2026-07-20T08:10:00Z') * 1000, done_at_us: null, done_by: null }],
        }));
      }
      if (method === 'GET' && (path === `${BASE}/consents` || path === `${BASE}/referrals`)) return ok({ items: [] });
      if (method === 'POST' && path.startsWith(BASE)) {
        posts.push({ path, body });
        if (path.endsWith('/follow-ups')) return ok({ id: 'f2', due_on: null, text: 'x', created_by: { id: 'x', name: 'T' }, created_at_us: 1, done_at_us: null, done_by: null }, 201);
        if (path.endsWith('/done')) return ok({});
        if (path.endsWith('/close')) return ok(consultation({ status: 'closed' }));
      }
      return undefined;
    }), { session: operator });
    renderRoute(`/hotline/consultations/${CID}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Konsultation KON-2026-000123/ })).toBeTruthy();
    const recorded = screen.getByRole('region', { name: 'Registrerat' });
    expect(recorded.textContent).toContain('Bärplockare bor i en lada och får ingen lön.');
    expect(recorded.textContent).toContain('Arbetskraftsexploatering');
    expect(recorded.textContent).toContain('5:00');
    expect(screen.getByRole('region', { name: 'Historik' }).textContent).toContain('Registrerad av Test Person.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Markera som klar/ }));
    await user.type(screen.getByLabelText('Återkoppling', { selector: 'textarea' }), 'Följ upp om placeringen.');
    await user.click(screen.getByRole('button', { name: 'Lägg till' }));
    await user.click(screen.getByRole('button', { name: 'Avsluta' }));
    await user.click(screen.getByRole('button', { name: 'Avsluta konsultationen' }));
    await waitFor(() => { expect(posts.map((p) => p.path.replace(BASE, ''))).toEqual(['/follow-ups/f1/done', '/follow-ups', '/close']); });
    expect(posts[1]?.body).toEqual({ text: 'Följ upp om placeringen.', due_on: null });
    expect(posts[2]?.body).toEqual({ version: 1 });
  });

  it('refers to the regional coordinator from the routing suggestion after recording the person\'s consent', async () => {
    let consents: ConsultationConsent[] = [];
    let recorded: unknown = null;
    let sent: unknown = null;
    installFakeApi(hotlineApi((method, path, body) => {
      if (method === 'GET' && path === BASE) return ok(consultation({ identity_basis: 'consent', identity: { name: 'A', date_of_birth: null, phone: '', email: '' } }));
      if (method === 'GET' && path === `${BASE}/consents`) return ok({ items: consents });
      if (method === 'GET' && path === `${BASE}/referrals`) return ok({ items: [] });
      if (method === 'GET' && path === '/api/v1/referral-rules') return ok({ ...authorityRules, sender_kind: 'national_unit' });
      if (method === 'POST' && path === `${BASE}/consents`) {
        recorded = body;
        const c = { ...consent({ id: 'k1', person_id: '', case_id: '', sections: (body as { sections: string[] }).sections }), consultation_id: CID };
        consents = [c];
        return ok(c, 201);
      }
      if (method === 'POST' && path === `${BASE}/referrals`) {
        sent = body;
        return ok(referral({ code: 'REF-2026-000099' }), 201);
      }
      return undefined;
    }), { session: operator });
    renderRoute(`/hotline/consultations/${CID}`);
    const panel = await screen.findByRole('complementary', { name: 'Vem bör agera?' });
    const user = userEvent.setup();
    const refer = await within(panel).findByRole('button', { name: 'Remittera Regionkoordinator Nord' });
    await user.click(refer);
    const dialog = await screen.findByRole('dialog', { name: 'Remiss till Regionkoordinator Nord' });
    expect(await within(dialog).findByText(/Inget samtycke för Regionkoordinator Nord/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Registrera personens samtycke' }));
    await user.click(within(dialog).getByRole('button', { name: 'Registrera samtycket' }));
    await waitFor(() => { expect(recorded).not.toBeNull(); });
    expect(recorded).toMatchObject({ recipient_organisation_id: 'org-rc', purpose: 'support', form: 'spoken', language: 'swe' });
    const option = await within(dialog).findByRole('radio', { name: /Personens samtycke, givet/ });
    expect((option as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Skicka remissen' }));
    await waitFor(() => { expect(sent).not.toBeNull(); });
    expect(sent).toMatchObject({ recipient_organisation_id: 'org-rc', purpose: 'support', basis: 'consent', consent_id: 'k1' });
    expect((sent as { sections: string[] }).sections).toEqual((recorded as { sections: string[] }).sections);
    expect(await screen.findByText(/Remissen REF-2026-000099 är skickad/)).toBeTruthy();
  });
});
