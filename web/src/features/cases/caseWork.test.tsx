// The case work on the case page: tracks with what each next step still needs in plain words and the
// move that sends the step the user saw; clocks with days left and overdue; the interpreter refused
// beside its field; timeline details in plain words.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserOrganisation } from '../../api/accountTypes';
import type { Case, CasePerson } from '../../api/caseTypes';
import { setCsrfToken } from '../../api/client';
import { translateDynamic } from '../../i18n/translate';
import { installFakeApi, sessionOf, userWith, type Handler } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import type { CaseTracks, Clock } from './caseWorkTypes';
import { detailText } from './workLabels';

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
  id: CASE_ID, code: 'NRM-2026-000045', type: 'trafficking_in_human_beings', status: 'open', organisation_id: 'org-kom',
  created_at: '2026-11-20T08:00:00Z', updated_at: '2026-11-21T09:30:00Z', version: 1,
  closure_reason: null, steps_version: 'se-manual-2019', access: 'team', break_glass_expires_at: null,
  team: [{ user_id: me, display_name: 'Test Person', added_by: me, added_at: '2026-11-20T08:00:00Z' }],
};
const olena: CasePerson = {
  id: 'p1', code: 'P-2026-000123', role: 'presumed_victim', names: [{ kind: 'name', latin: 'Olena Kovalenko' }],
  date_of_birth: { date: '1990-04' }, claimed_minor: false, gender: 'female', citizenship: {}, languages: ['ukr'],
  documents: [], contact: {}, residence_permit: 'unknown', unaccompanied: false, protection: 'none', added_by: me,
  added_at: '2026-11-22T10:00:00Z', version: 1,
};
const tracks = (step: string | null, missing: string[]): CaseTracks => ({
  case_id: CASE_ID, steps_version: 'se-manual-2019', status: 'open', closure_reason: null, version: 2, facts: [],
  tracks: [{
    track: 'support', available: true, unavailable_rule: null, step, ending: false, entered_at: null, entered_by: null,
    next: [{
      step: 'identification', ending: false, caller_may_move: true,
      missing: missing.map((fact) => ({ fact, section: 'assessment', recorded_by: fact === 'indicators_recorded' ? 'indicators' : 'declaration' })),
    }],
  }],
});
const clock = (patch: Partial<Clock>): Clock => ({
  id: 'c1', case_id: CASE_ID, person_id: 'p1', rule_id: 'reflection_period', rule_version: 2, kind: 'reflection_period',
  title: 'Reflection period', legal_reference: '', needs_check: true, section: 'support', status: 'running',
  applicant: 'social_welfare_board', applied_on: '2026-11-20', decided_on: '2026-11-21', starts_on: '2026-11-21',
  ends_on: '2026-12-20', conditions: [], renewals: 0, stopped_on: null, stop_reason: null, state: 'running',
  days_left: 12, overdue: false, reminders: [], task_id: null, ...patch,
});

function caseApi(extra: Handler): Handler {
  return (method, path, body) => {
    const own = extra(method, path, body);
    if (own) return own;
    if (path === BASE) return { status: 200, body: stored };
    if (path === `${BASE}/persons`) return { status: 200, body: { items: [olena] } };
    if (path === `${BASE}/child-track`) return { status: 200, body: { records: [], alerts: [], missing_alert_open: false } };
    if (path === `${BASE}/timeline`) return { status: 200, body: { items: [], total: 0, limit: 500, offset: 0 } };
    if (path.endsWith('/notes') || path.endsWith('/attachments')) return { status: 200, body: { items: [], total: 0, limit: 100, offset: 0 } };
    if (method === 'GET' && (path.endsWith('/clocks') || path.endsWith('/tasks'))) return { status: 200, body: { items: [] } };
    return undefined;
  };
}

describe('the tracks of a case', () => {
  it('explains what the next step lacks and offers no move while something is missing', async () => {
    installFakeApi(caseApi((method, path) => (method === 'GET' && path === `${BASE}/tracks`
      ? { status: 200, body: tracks(null, ['indicators_recorded']) } : undefined)), { session: socialWorker });
    renderRoute(`/cases/${CASE_ID}`);
    const card = await screen.findByRole('group', { name: 'Stöd' });
    expect(await within(card).findByText('Inte påbörjat')).toBeTruthy();
    expect(card.textContent).toContain('Indikatorer – de tecken på människohandel som väckte misstanken är noterade.');
    expect(card.textContent).toContain('Noteras när indikatorerna sparas under Personens uppgifter.');
    expect(within(card).queryByRole('button', { name: 'Flytta till Identifiering' })).toBeNull();
  });

  it('sends the step the user saw with a move', async () => {
    let moved: unknown = null;
    installFakeApi(caseApi((method, path, body) => {
      if (method === 'GET' && path === `${BASE}/tracks`) return { status: 200, body: moved ? tracks('identification', []) : tracks(null, []) };
      if (method === 'POST' && path === `${BASE}/tracks/support/moves`) {
        moved = body;
        return { status: 200, body: tracks('identification', []) };
      }
      return undefined;
    }), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    const card = await screen.findByRole('group', { name: 'Stöd' });
    await user.click(await within(card).findByRole('button', { name: 'Flytta till Identifiering' }));
    await waitFor(() => { expect(moved).toEqual({ to: 'identification', expected_step: '' }); });
    expect(await screen.findByText('Stöd: ärendet är nu i steget Identifiering.')).toBeTruthy();
  });
});

describe('the clocks of a case', () => {
  it('shows days left, and overdue in red', async () => {
    installFakeApi(caseApi((method, path) => (method === 'GET' && path === `${BASE}/clocks`
      ? { status: 200, body: { items: [clock({}), clock({ id: 'c2', rule_id: 'nsp_initial_rest', days_left: -3, overdue: true })] } }
      : undefined)), { session: socialWorker });
    renderRoute(`/cases/${CASE_ID}`);
    const table = await screen.findByRole('table', { name: 'Tidsfrister i ärendet' });
    expect(within(table).getByRole('row', { name: /Betänketid/ }).textContent).toContain('12 dagar kvar');
    const late = within(table).getByText('3 dagar försenad');
    expect(late.className).toContain('badge--damaged');
  });
});

describe('a conversation with an interpreter', () => {
  it('shows the refusal of a family member beside the field', async () => {
    installFakeApi(caseApi((method, path) => {
      if (method === 'GET' && path.startsWith(`${BASE}/persons/p1/`)) {
        return { status: 200, body: path.endsWith('s') ? { items: [] } : { current: null, history: [] } };
      }
      if (method === 'POST' && path === `${BASE}/persons/p1/conversations`) {
        return {
          status: 422,
          body: {
            type: 'https://opennrm.org/problems/validation', title: 'Invalid', status: 422,
            errors: [{ field: 'interpreter.relationship', rule: 'interpreter_family_or_companion', detail: 'No.' }],
          },
        };
      }
      return undefined;
    }), { session: socialWorker });
    const user = userEvent.setup();
    renderRoute(`/cases/${CASE_ID}`);
    await user.selectOptions(await screen.findByLabelText('Person'), 'p1');
    await user.click(await screen.findByLabelText('Tolk användes', { selector: '#conv-with-interpreter' }));
    await user.selectOptions(screen.getByLabelText(/Vem är tolken/, { selector: '#conv-interpreter-relationship' }), 'family_member');
    await user.click(screen.getByRole('button', { name: 'Lägg till samtal' }));
    const field = await screen.findByText('En familjemedlem eller medföljande får inte vara tolk. Anlita en yrkestolk.', { selector: '#conv-interpreter-relationship-error' });
    expect(field).toBeTruthy();
    expect(document.getElementById('conv-interpreter-relationship')?.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('timeline details', () => {
  it('names steps, facts and dates in plain words', () => {
    const i = {
      tDynamic: (k: string, f: string) => translateDynamic('en', k) ?? f,
      formatDate: (d: string) => `<${d}>`,
    };
    expect(detailText(i, 'to', 'acute_protection')).toBe('To: Acute protection');
    expect(detailText(i, 'from', '')).toBe('From: not started');
    expect(detailText(i, 'fact', 'support_plan')).toBe('What: Support plan');
    expect(detailText(i, 'ends_on', '2026-12-20')).toBe('Until: <2026-12-20>');
    expect(detailText(i, 'interpreter', 'none')).toBe('Interpreter: none');
    expect(detailText(i, 'something_new', 'x')).toBe('something_new: x');
  });
});
