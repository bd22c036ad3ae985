// A fetch stand-in for component tests: answers reference-data routes and lets a test script the rest.
import { vi } from 'vitest';

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
}

export type Handler = (method: string, path: string, body: unknown) => Reply | undefined;

/** Installs a fetch stub: `handler` goes first, then the reference data; anything else is a 404 problem. */
export function installFakeApi(handler: Handler = () => undefined) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://test');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname + url.search, body });
    let reply = handler(method, url.pathname, body);
    if (!reply && url.pathname in refData) reply = { status: 200, body: refData[url.pathname as keyof typeof refData] };
    if (!reply && url.pathname === '/api/v1/ref/languages') {
      reply = { status: 200, body: { items: [{ code: 'swe', name_en: 'Swedish', name_sv: 'svenska', scope: 'I', type: 'L' }], total: 1 } };
    }
    reply ??= { status: 404, body: { type: 'https://opennrm.org/problems/not-found', title: 'Not found', status: 404, errors: [] } };
    const type = reply.status >= 400 ? 'application/problem+json' : 'application/json';
    return Promise.resolve(new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': type } }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}
