import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../api/accountTypes';
import { setCsrfToken } from '../../api/client';
import { installFakeApi } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const note = (id: string, read: boolean): Notification => ({
  id, kind: 'break_glass', subject_type: 'case', subject_id: `case-${id}`, actor: { id: 'user-7', display_name: 'Sara Socialsekreterare' },
  detail: 'Akut fara: personen ringde från okänt nummer.', created_at: '2026-11-28T10:00:00Z',
  read_at: read ? '2026-11-28T11:00:00Z' : null,
});

function server() {
  const items = [note('n1', false), note('n2', false), note('n3', true)];
  const unread = () => items.filter((n) => !n.read_at).length;
  return installFakeApi((method, path) => {
    if (path === '/api/v1/me/notifications' && method === 'GET') {
      return { status: 200, body: { items, total: items.length, unread: unread() } };
    }
    if (path === '/api/v1/me/notifications/unread-count') return { status: 200, body: { unread: unread() } };
    const one = /^\/api\/v1\/me\/notifications\/(\w+)\/read$/.exec(path);
    if (one) {
      const n = items.find((x) => x.id === one[1]);
      if (n) n.read_at = '2026-11-28T12:00:00Z';
      return { status: 204, body: null };
    }
    if (path === '/api/v1/me/notifications/read-all') {
      for (const n of items) n.read_at ??= '2026-11-28T12:00:00Z';
      return { status: 204, body: null };
    }
    return undefined;
  });
}

describe('the notifications page', () => {
  it('lists notifications, marks one read and updates the bell', async () => {
    const api = server();
    const user = userEvent.setup();
    renderRoute('/notifications');
    expect(await screen.findByText('3 aviseringar, 2 olästa')).toBeTruthy();
    const banner = screen.getByRole('banner');
    expect(await within(banner).findByRole('link', { name: 'Aviseringar (2 olästa)' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2, name: /Nödåtkomst till ett ärende/ })).toHaveLength(3);
    expect(screen.getAllByText(/av Sara Socialsekreterare/)).toHaveLength(3);

    const buttons = screen.getAllByRole('button', { name: /^Markera som läst/ });
    expect(buttons).toHaveLength(2);
    await user.click(buttons[0] as HTMLElement);
    expect(await screen.findByText('Aviseringen är markerad som läst.')).toBeTruthy();
    expect(await screen.findByText('3 aviseringar, 1 olästa')).toBeTruthy();
    await waitFor(() => {
      expect(within(banner).getByRole('link', { name: 'Aviseringar (1 oläst)' })).toBeTruthy();
    });
    expect(api.calls.find((c) => c.path === '/api/v1/me/notifications/n1/read')?.method).toBe('POST');

    await user.click(screen.getByRole('button', { name: 'Markera alla som lästa' }));
    expect(await screen.findByText('Alla aviseringar är markerade som lästa.')).toBeTruthy();
    await waitFor(() => {
      expect(within(banner).getByRole('link', { name: 'Aviseringar' })).toBeTruthy();
    });
  });

  it('filters to unread ones through the API', async () => {
    const api = server();
    const user = userEvent.setup();
    renderRoute('/notifications');
    await screen.findByText('3 aviseringar, 2 olästa');
    await user.click(screen.getByLabelText('Bara olästa'));
    await waitFor(() => {
      expect(api.calls.some((c) => c.path === '/api/v1/me/notifications?unread=true&limit=20&offset=0')).toBe(true);
    });
    expect(screen.getByLabelText<HTMLInputElement>('Bara olästa').checked).toBe(true);
  });

  it('words a case reminder from its parameters, never showing them raw', async () => {
    const reminder: Notification = {
      id: 'r1', kind: 'clock_reminder', subject_type: 'case', subject_id: 'case-9', actor: null,
      detail: 'case=NRM-2026-000045&clock=k1&rule=reflection_period&date=2026-03-31&days=7',
      created_at: '2026-03-24T10:00:00Z', read_at: null,
    };
    installFakeApi((_method, path) => {
      if (path.startsWith('/api/v1/me/notifications/unread-count')) return { status: 200, body: { unread: 1 } };
      if (path.startsWith('/api/v1/me/notifications')) return { status: 200, body: { items: [reminder], total: 1, unread: 1 } };
      return undefined;
    });
    renderRoute('/notifications');
    expect(await screen.findByRole('heading', { level: 2, name: /En tidsfrist närmar sig sitt slut/ })).toBeTruthy();
    expect(screen.getByText(/NRM-2026-000045 · Betänketid: sista dagen är .*, om 7 dagar\./)).toBeTruthy();
    expect(screen.queryByText(/rule=reflection_period/)).toBeNull();
  });
});
