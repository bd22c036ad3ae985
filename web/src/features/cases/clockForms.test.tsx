// The case page's clock forms: renewing and revoking a running clock; the rules offered are those the
// server has in force (without the child track's); a refused reflection period shown beside the person.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { installFakeApi } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { SLOW, investigator, CASE_ID, BASE, permitRule, runningPermit, caseApi } from './caseFormsFixture';
import type { ClockRuleVersion } from './clockRules';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('changing a running clock', () => {
  it('renews a renewable clock with the decision and the new last day', async () => {
    let sent: unknown = null;
    installFakeApi(caseApi((method, path, body) => {
      if (method === 'POST' && path === `${BASE}/clocks/c9/renewal`) {
        sent = body;
        return { status: 200, body: { ...runningPermit, ends_on: '2027-05-09', renewals: 1 } };
      }
      return undefined;
    }, { clocks: [runningPermit] }), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Förläng Tillfälligt uppehållstillstånd för brottsoffer och vittnen' }, SLOW));
    const form = screen.getByRole('form', { name: /^Förläng/ });
    const decided = within(form).getByLabelText(/Beslutsdatum/);
    await user.clear(decided);
    await user.type(decided, '2026-11-01');
    await user.type(within(form).getByLabelText('Ny sista dag', { exact: false }), '2027-05-09');
    await user.click(within(form).getByLabelText(/Personens vistelse behövs/));
    await user.click(within(form).getByRole('button', { name: 'Registrera förlängningen' }));
    await waitFor(() => {
      expect(sent).toMatchObject({ decided_on: '2026-11-01', applicant: 'head_of_preliminary_investigation', ends_on: '2027-05-09',
        conditions: ['needed_for_proceedings'] });
      expect((sent as { applied_on?: string }).applied_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  it('revokes a revocable clock from a date', async () => {
    let sent: unknown = null;
    installFakeApi(caseApi((method, path, body) => {
      if (method === 'POST' && path === `${BASE}/clocks/c9/revocation`) {
        sent = body;
        return { status: 200, body: { ...runningPermit, status: 'revoked', stopped_on: '2026-11-20' } };
      }
      return undefined;
    }, { clocks: [runningPermit] }), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Återkalla Tillfälligt uppehållstillstånd för brottsoffer och vittnen' }, SLOW));
    const on = screen.getByLabelText(/Återkallad från och med/);
    await user.clear(on);
    await user.type(on, '2026-11-20');
    await user.click(screen.getByRole('button', { name: 'Registrera återkallelsen' }));
    await waitFor(() => { expect(sent).toEqual({ revoked_on: '2026-11-20' }); });
  });

  it('offers only the rules the server has in force, without the child track clocks', async () => {
    installFakeApi(caseApi(() => undefined), { session: investigator });
    renderRoute(`/cases/${CASE_ID}`);
    const select = await screen.findByLabelText('Tidsfrist', { selector: '#clock-rule' }, SLOW);
    await waitFor(() => { expect(within(select).getAllByRole('option').length).toBe(1); });
    expect(within(select).getByRole('option').textContent).toBe('Tillfälligt uppehållstillstånd för brottsoffer och vittnen');
  });

  it('shows a refused reflection period beside the person: a residence permit, or a Swedish citizen', async () => {
    const reflection: ClockRuleVersion = {
      ...permitRule, id: 'reflection_period', kind: 'reflection_period', applicants: [], conditions: [], child_only: false,
    };
    let refusal = 'has_residence_permit';
    installFakeApi(caseApi((method, path) => {
      if (path === '/api/v1/clock-rules') return { status: 200, body: { on: '2026-11-20', items: [reflection] } };
      if (method === 'POST' && path === `${BASE}/clocks`) {
        return {
          status: 422,
          body: {
            type: 'https://opennrm.org/problems/validation', title: 'Invalid', status: 422,
            errors: [{ field: 'person_id', rule: refusal, detail: '' }],
          },
        };
      }
      return undefined;
    }), { session: investigator });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const select = await screen.findByLabelText('Tidsfrist', { selector: '#clock-rule' }, SLOW);
    await waitFor(() => { expect(within(select).getByRole('option').textContent).toBe('Betänketid'); });
    await user.selectOptions(screen.getByLabelText(/^Person/, { selector: '#clock-person' }), 'p1');
    await user.click(screen.getByRole('button', { name: 'Registrera ansökan' }));
    await waitFor(() => {
      expect(document.getElementById('clock-person-error')?.textContent).toContain('Personen har uppehållstillstånd i Sverige');
    });
    refusal = 'swedish_citizen';
    await user.click(screen.getByRole('button', { name: 'Registrera ansökan' }));
    await waitFor(() => {
      expect(document.getElementById('clock-person-error')?.textContent).toContain('Personen är svensk medborgare');
    });
  });
});
