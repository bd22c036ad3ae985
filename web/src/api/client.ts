// The one fetch wrapper: every API call goes through apiFetch.
import { ApiError, networkError, parseProblem } from './problem';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
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

/** Headers every request carries; the CSRF token will be added here. */
function baseHeaders(hasBody: boolean): Headers {
  const h = new Headers({ Accept: 'application/json, application/problem+json, application/geo+json' });
  if (hasBody) h.set('Content-Type', 'application/json');
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
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers: baseHeaders(hasBody),
      body: hasBody ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError(e);
  }
  const body = await readJson(res);
  if (!res.ok) throw parseProblem(res.status, body, res.headers.get('X-Request-Id'));
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
