// Shows why an API call failed, in the user's language, with the request id for support.
import { isApiError } from '../api/client';
import type { ProblemKind } from '../api/problem';
import type { MessageKey } from '../i18n/sv';
import { useI18n } from '../i18n/context';

const KIND_MESSAGE: Partial<Record<ProblemKind, MessageKey>> = {
  network: 'problem.network',
  'not-found': 'problem.notFound',
  conflict: 'problem.conflict',
  validation: 'problem.validation',
  unavailable: 'problem.unavailable',
  'too-large': 'problem.tooLarge',
  forbidden: 'problem.forbidden',
  csrf: 'problem.csrf',
  unauthenticated: 'problem.unauthenticated',
  'too-many-attempts': 'problem.tooMany',
};

export function problemMessageKey(error: unknown): MessageKey {
  if (isApiError(error)) return KIND_MESSAGE[error.kind] ?? 'problem.generic';
  return 'problem.generic';
}

/** `message` replaces the one chosen by the error's kind, where the caller knows better what failed. */
export function ProblemAlert({ error, onRetry, message }: { error: unknown; onRetry?: () => void; message?: MessageKey }) {
  const { t } = useI18n();
  const requestId = isApiError(error) ? error.problem.request_id : undefined;
  return (
    <div className="alert alert--error" role="alert">
      <p>{t(message ?? problemMessageKey(error))}</p>
      {requestId ? <p className="muted">{t('problem.requestId', { id: requestId })}</p> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('state.loading')}
    </p>
  );
}
