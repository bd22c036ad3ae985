import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../api/accountTypes';
import { installFakeApi, sessionOf, shelterOrg, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { auditApiQuery, auditFiltersFromParams, instant } from './query';

afterEach(() => {
  vi.unstubAllGlobals();
});

const event: AuditEvent = {
  seq: 41, intact: true, at: '2026-11-28T10:00:00Z', actor_user_id: 'a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4', actor_token_id: null,
  organisation_id: 'org-ngo', roles: ['organisation_administrator'], action: 'users.manage', outcome: 'allowed',
  objects: [{ type: 'user', id: 'u-1', organisation_id: 'org-ngo', sections: [] }], purpose: null, reason_id: null, request_id: 'req-9',
};

describe('the audit viewer', () => {
  it('shows events, the latest signed checkpoint, and sends the filters to the API', async () => {
    const api = installFakeApi((_method, path) => {
      if (path === '/api/v1/audit/events') return { status: 200, body: { items: [event], total: 1 } };
      if (path === '/api/v1/audit/checkpoints') {
        return { status: 200, body: { items: [{ size: 41, root: 'ab'.repeat(32), time: '2026-11-28T10:05:00Z', signature: 'cd'.repeat(64), key_id: 'k1' }] } };
      }
      return undefined;
    }, { session: sessionOf(userWith(['auditor'], shelterOrg)) });
    const user = userEvent.setup();
    renderRoute('/audit');
    expect(await screen.findByText('users.manage')).toBeTruthy();
    expect(screen.getByText('1 händelse')).toBeTruthy();
    expect(await screen.findByText('ab'.repeat(32))).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/v1/audit/checkpoints?limit=1')).toBe(true);
    // An auditor of one organisation has no organisation filter: the server limits them to their own.
    expect(screen.queryByLabelText('Organisation')).toBeNull();

    await user.type(screen.getByLabelText('Åtgärd'), 'session.login');
    await user.type(screen.getByLabelText('Typ av objekt'), 'user');
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    await waitFor(() => {
      expect(api.calls.some((c) => c.path === '/api/v1/audit/events?action=session.login&object_type=user&limit=50&offset=0')).toBe(true);
    });
  });

  it('says so when nothing has been signed yet', async () => {
    installFakeApi((_method, path) => {
      if (path === '/api/v1/audit/events') return { status: 200, body: { items: [], total: 0 } };
      if (path === '/api/v1/audit/checkpoints') return { status: 200, body: { items: [] } };
      return undefined;
    }, { session: sessionOf(userWith(['national_auditor'])) });
    renderRoute('/audit', 'en');
    expect(await screen.findByText('No checkpoint has been signed yet.')).toBeTruthy();
    expect(screen.getByText('No events match the search.')).toBeTruthy();
    expect(screen.getByLabelText('Organisation')).toBeTruthy();
  });

  it('shows a damaged entry safely and says first that the log does not verify', async () => {
    // As src/http/audit_dto.cpp writes an entry whose stored bytes no longer decode: its seq, intact
    // false, and every other member null or empty.
    const damaged = {
      seq: 40, intact: false, at: null, actor_user_id: null, actor_token_id: null, organisation_id: null, roles: [],
      action: null, outcome: null, objects: [], purpose: null, reason_id: null, request_id: null,
    } satisfies AuditEvent;
    installFakeApi((_method, path) => {
      if (path === '/api/v1/audit/events') return { status: 200, body: { items: [event, damaged], total: 2, limit: 50, offset: 0 } };
      if (path === '/api/v1/audit/checkpoints') return { status: 200, body: { items: [] } };
      return undefined;
    }, { session: sessionOf(userWith(['national_auditor'])) });
    renderRoute('/audit', 'en');
    const alert = await screen.findByRole('alert', { name: 'The log does not verify' });
    expect(alert.textContent).toContain('1 entry on this page cannot be read (no. 40).');
    expect(alert.textContent).toContain('opennrm audit verify');
    const [, good, bad] = screen.getAllByRole('row');
    if (!good || !bad) throw new Error('expected a header row and two entries');
    expect(within(bad).getByRole('rowheader').textContent).toBe('40');
    expect(within(bad).getByText('Damaged entry')).toBeTruthy();
    expect(bad.className).toBe('row--damaged');
    // Nothing made up for what is unknown: no "System" actor, no 1970 date, no outcome.
    expect(bad.textContent).not.toMatch(/system/i);
    expect(bad.textContent).not.toContain('1970');
    // The intact entry beside it is shown as usual.
    expect(within(good).getByText('users.manage')).toBeTruthy();
    expect(within(good).getByText('Allowed')).toBeTruthy();
  });

  it('says nothing about verification when every entry on the page is intact', async () => {
    installFakeApi((_method, path) => {
      if (path === '/api/v1/audit/events') return { status: 200, body: { items: [event], total: 1, limit: 50, offset: 0 } };
      if (path === '/api/v1/audit/checkpoints') return { status: 200, body: { items: [] } };
      return undefined;
    }, { session: sessionOf(userWith(['national_auditor'])) });
    renderRoute('/audit', 'en');
    expect(await screen.findByText('users.manage')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('Damaged entry')).toBeNull();
  });

  it('turns the time range into instants and the page into an offset', () => {
    const q = auditApiQuery(auditFiltersFromParams(new URLSearchParams('from=2026-11-28T10:00&actor=%20abc%20&page=3')));
    expect(q.from).toBe(new Date('2026-11-28T10:00').toISOString());
    expect(q.to).toBeUndefined();
    expect(q.actor).toBe('abc');
    expect(q.offset).toBe(100);
    expect(instant('inte en tid')).toBeUndefined();
  });
});
