// The one fetch wrapper: every API call goes through apiFetch. It sends the session's CSRF token on
// every state-changing request and tells the session layer when the server says the session is gone
// (401 unauthenticated) or not yet through the login flow (403 login-incomplete).
import { ApiError, networkError, parseProblem } from './problem';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /**
   * The caller handles 401/403 itself and listeners are not told: the session probe and the login
   * flow's own requests, where a 401 is an expected answer rather than a lost session.
   */
  quietAuth?: boolean;
}

/** A problem that concerns the session as a whole rather than one request. */
export type AuthProblem =
  | { kind: 'unauthenticated' }
  | { kind: 'login-incomplete'; stage: string | undefined }
  | { kind: 'csrf' };

// The CSRF token lives in memory only: never in localStorage or a cookie the page can read, so a
// script injected elsewhere cannot lift it from storage, and a reload fetches it again (GET /session).
let csrfToken: string | null = null;
const authListeners = new Set<(p: AuthProblem) => void>();

/** Remembers the token from the login answer or GET /session; null forgets it (logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Calls `listener` for every session-level problem; returns the function that stops it. */
export function onAuthProblem(listener: (p: AuthProblem) => void): () => void {
  authListeners.add(listener);
  return () => {
    authListeners.delete(listener);
  };
}

function reportAuthProblem(err: ApiError): void {
  let p: AuthProblem | null = null;
  if (err.kind === 'unauthenticated') {
    csrfToken = null;
    p = { kind: 'unauthenticated' };
  } else if (err.kind === 'login-incomplete') {
    p = { kind: 'login-incomplete', stage: err.problem.stage };
  } else if (err.kind === 'csrf') {
    p = { kind: 'csrf' };
  }
  if (p) for (const l of [...authListeners]) l(p);
}

type QueryValue = string | number | boolean | undefined | null;

/** Builds "path?a=1&b=2", leaving out empty values. */
export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Headers every request carries, plus the CSRF token on every state-changing one. */
function baseHeaders(method: string, hasBody: boolean): Headers {
  const h = new Headers({ Accept: 'application/json, application/problem+json, application/geo+json' });
  if (hasBody) h.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) h.set('X-CSRF-Token', csrfToken);
  return h;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Sends a JSON request; resolves with the parsed body, rejects with ApiError on any failure. */
export async function apiFetch<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const hasBody = opts.body !== undefined;
  const method = opts.method ?? 'GET';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: baseHeaders(method, hasBody),
      body: hasBody ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError(e);
  }
  const body = await readJson(res);
  if (!res.ok) {
    const err = parseProblem(res.status, body, res.headers.get('X-Request-Id'), res.headers.get('Retry-After'));
    if (!opts.quietAuth) reportAuthProblem(err);
    throw err;
  }
  if (body === null && res.status !== 204) {
    throw parseProblem(res.status, { title: 'The server sent no JSON.' }, res.headers.get('X-Request-Id'));
  }
  return body as T;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
