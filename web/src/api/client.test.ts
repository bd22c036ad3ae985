import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch, withQuery } from './client';
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
