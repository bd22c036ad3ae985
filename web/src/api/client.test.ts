import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch, getCsrfToken, onAuthProblem, setCsrfToken, withQuery, type AuthProblem } from './client';
import { sessionApi } from './endpoints';
import { ApiError } from './problem';

function respond(status: number, body: unknown, contentType = 'application/json') {
  const fetchMock = vi.fn(() =>
    Promise.resolve(
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': contentType, 'X-Request-Id': 'rid-1' },
      }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('sends JSON and returns the parsed body', async () => {
    const fetchMock = respond(201, { id: 'x' });
    await expect(apiFetch('/api/v1/organisations', { method: 'POST', body: { name: 'A' } })).resolves.toEqual({ id: 'x' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/organisations');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"name":"A"}');
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
  });

  it('turns a problem document into an ApiError', async () => {
    respond(409, { type: 'https://opennrm.org/problems/conflict', title: 'Stale', status: 409, errors: [] }, 'application/problem+json');
    const err: unknown = await apiFetch('/api/v1/organisations/1', { method: 'PUT', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe('conflict');
    expect((err as ApiError).problem.request_id).toBe('rid-1');
  });

  it('reports a network failure as an ApiError of kind network', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(apiFetch('/api/v1/x')).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('withQuery', () => {
  it('leaves out empty values', () => {
    expect(withQuery('/a', { q: 'kir', kind: '', n: 0, x: undefined })).toBe('/a?q=kir&n=0');
    expect(withQuery('/a', {})).toBe('/a');
  });
});

describe('session handling in apiFetch', () => {
  afterEach(() => {
    setCsrfToken(null);
  });

  it('sends the CSRF token on every state-changing request, never on GET, always same-origin', async () => {
    const fetchMock = respond(200, {});
    setCsrfToken('tok-123');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      await apiFetch('/api/v1/x', { method, body: method === 'DELETE' ? undefined : {} });
    }
    await apiFetch('/api/v1/x');
    const sent = fetchMock.mock.calls.map((c) => {
      const init = (c as unknown as [string, RequestInit])[1];
      return [init.method, new Headers(init.headers).get('X-CSRF-Token'), init.credentials];
    });
    expect(sent).toEqual([
      ['POST', 'tok-123', 'same-origin'],
      ['PUT', 'tok-123', 'same-origin'],
      ['PATCH', 'tok-123', 'same-origin'],
      ['DELETE', 'tok-123', 'same-origin'],
      ['GET', null, 'same-origin'],
    ]);
  });

  it('sends no CSRF header before there is a token', async () => {
    const fetchMock = respond(200, {});
    await apiFetch('/api/v1/session', { method: 'POST', body: { username: 'a', password: 'b' } });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(new Headers(init.headers).has('X-CSRF-Token')).toBe(false);
  });

  it('keeps the token from the login answer in memory only', async () => {
    respond(200, { stage: 'totp', csrf_token: 'fresh', user: {} });
    await sessionApi.login('anna', 'lösenordsfras-lång');
    expect(getCsrfToken()).toBe('fresh');
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
    expect(document.cookie).not.toContain('fresh');
  });

  it('tells the session layer about a 401 unauthenticated and forgets the token', async () => {
    respond(401, { type: 'https://opennrm.org/problems/unauthenticated', title: 'No session', status: 401 }, 'application/problem+json');
    setCsrfToken('old');
    const seen: AuthProblem[] = [];
    const stop = onAuthProblem((p) => seen.push(p));
    await expect(apiFetch('/api/v1/organisations')).rejects.toMatchObject({ kind: 'unauthenticated', status: 401 });
    stop();
    expect(seen).toEqual([{ kind: 'unauthenticated' }]);
    expect(getCsrfToken()).toBeNull();
  });

  it('passes on the stage of a 403 login-incomplete', async () => {
    respond(403, { type: 'https://opennrm.org/problems/login-incomplete', title: 'Finish logging in', status: 403, stage: 'enrol_totp' }, 'application/problem+json');
    const seen: AuthProblem[] = [];
    const stop = onAuthProblem((p) => seen.push(p));
    await expect(apiFetch('/api/v1/users')).rejects.toMatchObject({ kind: 'login-incomplete' });
    stop();
    expect(seen).toEqual([{ kind: 'login-incomplete', stage: 'enrol_totp' }]);
  });

  it('stays quiet about a 401 the caller handles itself (the login flow)', async () => {
    respond(401, { type: 'https://opennrm.org/problems/unauthenticated', title: 'No session', status: 401 }, 'application/problem+json');
    const listener = vi.fn();
    const stop = onAuthProblem(listener);
    await expect(apiFetch('/api/v1/session', { quietAuth: true })).rejects.toMatchObject({ kind: 'unauthenticated' });
    stop();
    expect(listener).not.toHaveBeenCalled();
  });

  it('reads Retry-After of a 429 into the problem', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(
      JSON.stringify({ type: 'https://opennrm.org/problems/too-many-attempts', title: 'Slow down', status: 429 }),
      { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' } },
    ))));
    await expect(apiFetch('/api/v1/session', { method: 'POST', body: {}, quietAuth: true }))
      .rejects.toMatchObject({ kind: 'too-many-attempts', problem: { retry_after: 120 } });
  });
});
