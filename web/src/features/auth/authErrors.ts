// Turning the login flow's error answers into form problems the user can act on.
import { isApiError } from '../../api/client';
import { validationProblems, type FormProblem } from '../../components/formProblems';
import type { I18n } from '../../i18n/context';

type T = Pick<I18n, 't' | 'formatTime'>;

/** "5 minutes", "40 seconds", "2 hours": how long to wait, rounded up. */
export function waitText(i: Pick<I18n, 't'>, seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 90) return i.t('time.seconds', { count: s });
  const minutes = Math.ceil(s / 60);
  if (minutes < 90) return i.t('time.minutes', { count: minutes });
  return i.t('time.hours', { count: Math.ceil(minutes / 60) });
}

/** The problem for a 429 answer: how long to wait and until when, when the server said (Retry-After). */
export function tooManyProblem(i: T, retryAfter: number | undefined, now: number = Date.now()): FormProblem {
  if (retryAfter === undefined) return { field: '', rule: 'too_many', detail: '' };
  return {
    field: '',
    rule: 'too_many_wait',
    detail: '',
    params: { wait: waitText(i, retryAfter), time: i.formatTime(new Date(now + retryAfter * 1000)) },
  };
}

/**
 * The problems of a failed login-flow request, or null when the error is not about the form (then
 * the page shows it as a general problem). `codeField` names the input a wrong code belongs to.
 */
export function loginFlowProblems(i: T, err: unknown, codeField = ''): FormProblem[] | null {
  const validation = validationProblems(err);
  if (validation) return validation;
  if (!isApiError(err)) return null;
  switch (err.kind) {
    case 'invalid-credentials':
      return [{ field: '', rule: 'invalid_credentials', detail: '' }];
    case 'invalid-code':
      return [{ field: codeField, rule: 'invalid_code', detail: '' }];
    case 'too-many-attempts':
      return [tooManyProblem(i, err.problem.retry_after)];
    default:
      return null;
  }
}

/** Whether the server has forgotten the session (a login that took too long, or a revoked session). */
export function isExpired(err: unknown): boolean {
  return isApiError(err) && err.kind === 'unauthenticated';
}
