// Parses RFC 9457 problem documents into a typed error the UI can show.
import type { FieldProblem, ProblemDocument } from './types';

export const PROBLEM_BASE = 'https://opennrm.org/problems/';

/** The problem kinds the server names, plus 'network' (no answer) and 'unknown' (not a problem document). */
export type ProblemKind =
  | 'validation'
  | 'malformed'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'method-not-allowed'
  | 'unavailable'
  | 'internal'
  | 'header-too-large'
  | 'unauthenticated'
  | 'invalid-credentials'
  | 'invalid-code'
  | 'too-many-attempts'
  | 'login-incomplete'
  | 'csrf'
  | 'forbidden'
  | 'network'
  | 'unknown';

const KNOWN_KINDS: ReadonlySet<string> = new Set<ProblemKind>([
  'validation', 'malformed', 'not-found', 'conflict', 'too-large', 'unsupported-media-type',
  'method-not-allowed', 'unavailable', 'internal', 'header-too-large', 'unauthenticated',
  'invalid-credentials', 'invalid-code', 'too-many-attempts', 'login-incomplete', 'csrf', 'forbidden',
]);

/** An HTTP call that failed: carries the problem document (or a synthesised one). */
export class ApiError extends Error {
  readonly status: number;
  readonly kind: ProblemKind;
  readonly problem: ProblemDocument;

  constructor(problem: ProblemDocument, kind: ProblemKind) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.kind = kind;
    this.problem = problem;
  }

  get errors(): FieldProblem[] {
    return this.problem.errors;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function parseFieldProblems(v: unknown): FieldProblem[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isRecord).map((e) => ({
    field: str(e.field) ?? '',
    rule: str(e.rule) ?? '',
    detail: str(e.detail) ?? '',
  }));
}

/** Maps a problem `type` URI to its kind: 'unknown' for any other URI. */
export function problemKind(type: string, status: number): ProblemKind {
  if (type.startsWith(PROBLEM_BASE)) {
    const k = type.slice(PROBLEM_BASE.length);
    if (KNOWN_KINDS.has(k)) return k as ProblemKind;
  }
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'validation';
  if (status === 429) return 'too-many-attempts';
  return 'unknown';
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Builds an ApiError from a failed response's status and body (already parsed JSON, or null).
 * `retryAfter` is the raw Retry-After header of a 429 or 503 answer.
 */
export function parseProblem(
  status: number,
  body: unknown,
  requestId?: string | null,
  retryAfter?: string | null,
): ApiError {
  const doc: ProblemDocument = { type: 'about:blank', title: `HTTP ${status}`, status, errors: [] };
  if (isRecord(body)) {
    doc.type = str(body.type) ?? doc.type;
    doc.title = str(body.title) ?? doc.title;
    if (typeof body.status === 'number') doc.status = body.status;
    doc.detail = str(body.detail);
    doc.instance = str(body.instance);
    doc.request_id = str(body.request_id);
    doc.errors = parseFieldProblems(body.errors);
    // login-incomplete names the stage as an extension member or as the rule of a "stage" error.
    doc.stage = str(body.stage) ?? doc.errors.find((e) => e.field === 'stage')?.rule;
  }
  doc.request_id ??= requestId ?? undefined;
  doc.retry_after = parseRetryAfter(retryAfter);
  return new ApiError(doc, problemKind(doc.type, status));
}

/** The error for a request that got no HTTP answer at all. */
export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail, errors: [] }, 'network');
}
