import { describe, expect, it } from 'vitest';
import { ApiError, networkError, parseProblem, parseRetryAfter, problemKind } from './problem';

describe('parseProblem', () => {
  it('reads an RFC 9457 validation problem with its field errors', () => {
    const err = parseProblem(422, {
      type: 'https://opennrm.org/problems/validation',
      title: 'The request breaks one or more rules.',
      status: 422,
      detail: 'Not a valid e-mail address.',
      instance: '/api/v1/organisations',
      request_id: '6f1c',
      errors: [{ field: 'contact.email', rule: 'format', detail: 'Not a valid e-mail address.' }],
    });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.kind).toBe('validation');
    expect(err.status).toBe(422);
    expect(err.message).toBe('Not a valid e-mail address.');
    expect(err.problem.request_id).toBe('6f1c');
    expect(err.errors).toEqual([{ field: 'contact.email', rule: 'format', detail: 'Not a valid e-mail address.' }]);
  });

  it('recognises each problem type the server names', () => {
    expect(problemKind('https://opennrm.org/problems/conflict', 409)).toBe('conflict');
    expect(problemKind('https://opennrm.org/problems/not-found', 404)).toBe('not-found');
    expect(problemKind('https://opennrm.org/problems/header-too-large', 431)).toBe('header-too-large');
    expect(problemKind('https://opennrm.org/problems/teapot', 418)).toBe('unknown');
  });

  it('survives bodies that are not problem documents', () => {
    const err = parseProblem(502, null, 'req-9');
    expect(err.kind).toBe('unknown');
    expect(err.problem).toMatchObject({ status: 502, title: 'HTTP 502', request_id: 'req-9', errors: [] });
    expect(parseProblem(409, '<html>').kind).toBe('conflict');
  });

  it('drops malformed entries in errors[] to strings, never crashing', () => {
    const err = parseProblem(422, { errors: [{ field: 3, rule: 'x' }, 'junk', null] });
    expect(err.errors).toEqual([{ field: '', rule: 'x', detail: '' }]);
    expect(parseProblem(422, { errors: 'nope' }).errors).toEqual([]);
  });

  it('reports a request that got no answer as a network problem', () => {
    const err = networkError(new TypeError('Failed to fetch'));
    expect(err.kind).toBe('network');
    expect(err.status).toBe(0);
  });
});

describe('the security core problems', () => {
  it('names the login-flow kinds and falls back by status', () => {
    for (const k of ['unauthenticated', 'invalid-credentials', 'invalid-code', 'too-many-attempts', 'login-incomplete', 'csrf', 'forbidden']) {
      expect(problemKind(`https://opennrm.org/problems/${k}`, 400)).toBe(k);
    }
    expect(problemKind('about:blank', 401)).toBe('unauthenticated');
    expect(problemKind('about:blank', 403)).toBe('forbidden');
    expect(problemKind('about:blank', 429)).toBe('too-many-attempts');
  });

  it('reads the stage of a login-incomplete problem, as a member or as the server sends it in errors[]', () => {
    expect(parseProblem(403, { type: 'https://opennrm.org/problems/login-incomplete', stage: 'totp' }).problem.stage).toBe('totp');
    const asError = parseProblem(403, {
      type: 'https://opennrm.org/problems/login-incomplete',
      errors: [{ field: 'stage', rule: 'enrol_totp', detail: 'The next step of signing in.' }],
    });
    expect(asError.kind).toBe('login-incomplete');
    expect(asError.problem.stage).toBe('enrol_totp');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-28T21:00:00Z');
    expect(parseRetryAfter('300', now)).toBe(300);
    expect(parseRetryAfter('Sat, 28 Nov 2026 21:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
