// A fetch stand-in for component tests: answers reference-data routes and the session, and lets a
// test script the rest.
import { vi } from 'vitest';
import type { SessionInfo, SessionUser, Stage, UserOrganisation } from '../api/accountTypes';

export const nationalUnit: UserOrganisation = { id: 'org-nu', name: 'Nationella enheten', kind: 'national_unit' };
export const shelterOrg: UserOrganisation = { id: 'org-ngo', name: 'Skyddade boendet', kind: 'ngo_shelter' };

/** A synthetic user; `roles` decide what the app offers. */
export function userWith(roles: string[], organisation: UserOrganisation = nationalUnit): SessionUser {
  return {
    id: `user-${roles.join('-') || 'none'}`,
    username: 'testperson',
    display_name: 'Test Person',
    organisation,
    roles,
    totp_enrolled: true,
  };
}

export function sessionOf(user: SessionUser, stage: Stage = 'active'): SessionInfo {
  return {
    stage,
    csrf_token: 'csrf-from-session',
    user,
    expires_at: '2026-11-29T09:00:00Z',
    idle_expires_at: '2026-11-28T21:15:00Z',
  };
}

export interface FakeApiOptions {
  /** What GET /api/v1/session answers: a session (default: an active system administrator), or null for none (401). */
  session?: SessionInfo | null;
}

const problem = (status: number, slug: string) => ({
  status,
  body: { type: `https://opennrm.org/problems/${slug}`, title: slug, status, errors: [] },
});

export const refData = {
  '/api/v1/geo/police-regions': {
    items: [{ id: 'nord', name: 'Polisregion Nord', name_en: 'Police Region North', seat: 'Umeå', counties: ['25'] }],
  },
  '/api/v1/geo/counties': {
    items: [{ code: '25', name: 'Norrbottens län', short_name: 'Norrbotten', letter: 'BD', police_region: 'nord', population: { count: 248480, year: 2024 }, municipality_count: 2 }],
  },
  '/api/v1/geo/municipalities': {
    items: [
      { code: '2584', name: 'Kiruna', county_code: '25', population: { count: 22000, year: 2024 } },
      { code: '2580', name: 'Luleå', county_code: '25', population: null },
    ],
  },
  '/api/v1/ref/services': {
    version: '2026-1',
    items: [
      { code: 'shelter_women', name_en: 'Shelter for women', name_sv: 'Skyddat boende för kvinnor', group: 'shelter' },
      { code: 'legal_advice', name_en: 'Legal advice', name_sv: 'Juridisk rådgivning', group: 'support' },
    ],
  },
};

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type Handler = (method: string, path: string, body: unknown) => Reply | undefined;

/**
 * Installs a fetch stub: `handler` goes first, then the session, the unread count (0) and the
 * reference data; anything else is a 404 problem. `calls` records each request with its headers.
 */
export function installFakeApi(handler: Handler = () => undefined, opts: FakeApiOptions = {}) {
  const calls: { method: string; path: string; body: unknown; headers: Headers }[] = [];
  const session = opts.session === undefined ? sessionOf(userWith(['system_administrator'])) : opts.session;
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://test');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname + url.search, body, headers: new Headers(init?.headers) });
    let reply = handler(method, url.pathname, body);
    if (!reply && method === 'GET' && url.pathname === '/api/v1/session') {
      reply = session ? { status: 200, body: session } : problem(401, 'unauthenticated');
    }
    if (!reply && url.pathname === '/api/v1/me/notifications/unread-count') reply = { status: 200, body: { unread: 0 } };
    if (!reply && url.pathname in refData) reply = { status: 200, body: refData[url.pathname as keyof typeof refData] };
    if (!reply && url.pathname === '/api/v1/ref/languages') {
      reply = { status: 200, body: { items: [{ code: 'swe', name_en: 'Swedish', name_sv: 'svenska', scope: 'I', type: 'L' }], total: 1 } };
    }
    reply ??= { status: 404, body: { type: 'https://opennrm.org/problems/not-found', title: 'Not found', status: 404, errors: [] } };
    const type = reply.status >= 400 ? 'application/problem+json' : 'application/json';
    const text = reply.status === 204 ? null : JSON.stringify(reply.body);
    return Promise.resolve(new Response(text, { status: reply.status, headers: { 'Content-Type': type, ...reply.headers } }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}
