// The queue: views as tabs with counts, immediate danger first and overdue rows highlighted, assigning
// (the version read first), filters in the URL, and the nav entry for hotline operators only.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, sessionOf, shelterOrg, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { consultation, hotlineApi, ok, OPERATOR_ID, queuePage, summary } from './hotlineFixture';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const operator = sessionOf(userWith(['hotline_operator']));
const PAST = Date.parse('2026-01-01T00:00:00Z') * 1000;

describe('the queue', () => {
  it('shows the views with counts, immediate danger first and overdue rows highlighted', async () => {
    const api = installFakeApi(hotlineApi((method, path) => {
      if (method === 'GET' && path === '/api/v1/consultations') {
        return ok(queuePage([
          summary('1'),
          summary('2', { respond_by_us: PAST }),
          summary('3', { immediate_danger: true, urgency: 'immediate_danger' }),
          summary('4', { overdue: true }),
        ]));
      }
      return undefined;
    }), { session: operator });
    renderRoute('/hotline');
    const table = await screen.findByRole('table', { name: 'Konsultationer' });
    const tabs = screen.getByRole('navigation', { name: 'Vyer' });
    const current = within(tabs).getByRole('link', { current: 'page' });
    expect(current.textContent).toContain('Nya');
    expect(current.textContent).toContain('(4');
    expect(within(tabs).getByRole('link', { name: /Mina \(2/ })).toBeTruthy();
    expect(within(tabs).getByRole('link', { name: /Försenade \(1/ })).toBeTruthy();
    expect(within(tabs).getByRole('link', { name: /Väntar på återkoppling \(3/ })).toBeTruthy();
    expect(within(tabs).getAllByRole('link')).toHaveLength(7);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('link')[0]?.textContent)).toEqual([
      'KON-2026-000003', 'KON-2026-000002', 'KON-2026-000004', 'KON-2026-000001',
    ]);
    expect(rows[0]?.className).toContain('row--danger');
    expect(rows[1]?.className).toContain('row--overdue');
    expect(rows[2]?.className).toContain('row--overdue');
    expect(rows[3]?.className ?? '').not.toContain('row--overdue');
    expect(within(rows[1] as HTMLElement).getByText('Försenad')).toBeTruthy();
    expect(rows[0]?.textContent).toContain('Kiruna');
    expect(api.calls.some((c) => c.path.startsWith('/api/v1/consultations?') && c.path.includes('view=new') && c.path.includes('limit=50'))).toBe(true);
  });

  it('switches views and filters through the URL', async () => {
    const api = installFakeApi(hotlineApi((method, path) =>
      (method === 'GET' && path === '/api/v1/consultations' ? ok(queuePage([summary('1')])) : undefined)), { session: operator });
    renderRoute('/hotline');
    await screen.findByRole('table', { name: 'Konsultationer' });
    const user = userEvent.setup();
    await user.click(within(screen.getByRole('navigation', { name: 'Vyer' })).getByRole('link', { name: /Mina/ }));
    await waitFor(() => { expect(api.calls.some((c) => c.path.includes('view=mine'))).toBe(true); });
    await user.selectOptions(screen.getByLabelText('Ämne', { selector: 'select' }), 'child');
    await user.selectOptions(screen.getByLabelText('Kanal', { selector: 'select' }), 'email');
    await user.click(screen.getByRole('button', { name: 'Filtrera' }));
    await waitFor(() => {
      expect(api.calls.some((c) => c.path.includes('view=mine') && c.path.includes('topic=child') && c.path.includes('channel=email'))).toBe(true);
    });
  });

  it('assigns to me and reassigns, reading the version first', async () => {
    const assigned: unknown[] = [];
    installFakeApi(hotlineApi((method, path, body) => {
      if (method === 'GET' && path === '/api/v1/consultations') return ok(queuePage([summary('1')]));
      if (method === 'GET' && path === '/api/v1/consultations/1') return ok(consultation({ id: '1', version: 7 }));
      if (method === 'POST' && path === '/api/v1/consultations/1/assign') {
        assigned.push(body);
        const id = (body as { user_id: string | null }).user_id;
        return ok(consultation({ id: '1', assigned_to: id ? { id, name: id === OPERATOR_ID ? 'Test Person' : 'Annan Operatör' } : null }));
      }
      return undefined;
    }), { session: operator });
    renderRoute('/hotline');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ta själv KON-2026-000001' }));
    expect(await screen.findByText('KON-2026-000001 är tilldelad Test Person.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tilldela om KON-2026-000001' }));
    await user.selectOptions(screen.getByLabelText('Tilldela KON-2026-000001 till'), 'u2');
    await user.click(screen.getByRole('button', { name: 'Tilldela KON-2026-000001' }));
    await waitFor(() => { expect(assigned).toHaveLength(2); });
    expect(assigned).toEqual([{ version: 7, user_id: OPERATOR_ID }, { version: 7, user_id: 'u2' }]);
  });

  it('says when the count is capped', async () => {
    installFakeApi(hotlineApi((method, path) =>
      (method === 'GET' && path === '/api/v1/consultations' ? ok(queuePage([summary('1')], { total: 1000, total_capped: true })) : undefined)),
    { session: operator });
    renderRoute('/hotline?view=all');
    expect(await screen.findByText('Över 1 000 konsultationer')).toBeTruthy();
  });
});

describe('the hotline in the navigation', () => {
  it('is offered to hotline operators only', async () => {
    installFakeApi(hotlineApi((method, path) =>
      (method === 'GET' && path === '/api/v1/consultations' ? ok(queuePage([])) : undefined)), { session: operator });
    const { unmount } = renderRoute('/hotline');
    const nav = await screen.findByRole('navigation', { name: 'Huvudmeny' });
    expect(within(nav).getByRole('link', { name: 'Stödtelefonen' }).getAttribute('href')).toBe('/hotline');
    unmount();
    vi.unstubAllGlobals();
    installFakeApi(undefined, { session: sessionOf(userWith(['ngo_worker'], shelterOrg)) });
    renderRoute('/hotline');
    const other = await screen.findByRole('navigation', { name: 'Huvudmeny' });
    expect(within(other).queryByRole('link', { name: 'Stödtelefonen' })).toBeNull();
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Konsultationer' })).toBeNull();
  });
});
