// Route guards: pages behind a finished login, and pages for some roles only. Every route but the
// login page needs an active session: without one (or while it is unknown) nothing else is shown.
import { Navigate, Outlet, useLocation } from 'react-router';
import { isApiError } from '../../api/client';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { can, type Capability } from './capabilities';
import { loginPath } from './next';
import { useSession } from './sessionState';

/** Renders the child routes for an active session; otherwise the login page, remembering this page. */
export function RequireSession() {
  const { state, reload } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <SessionCheckFailed error={state.error} onRetry={reload} />;
  // After logging out, the next person to log in starts afresh rather than where the last one was.
  if (state.status === 'anonymous' && state.reason === 'loggedOut') return <Navigate to="/login" replace />;
  if (state.status === 'anonymous' || state.stage !== 'active') return <Navigate to={loginPath(location)} replace />;
  return <Outlet />;
}

/**
 * GET /session answered neither a session nor 401: the app cannot tell who the user is, so it shows
 * only that (and a way to ask again). A connection or availability problem is named as such; any
 * other answer (a 404 from a misconfigured proxy, a 500) is "the server answered unexpectedly".
 */
export function SessionCheckFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  usePageTitle(t('session.failed.title'));
  const named = isApiError(error) && (error.kind === 'network' || error.kind === 'unavailable');
  return (
    <>
      <h1>{t('session.failed.title')}</h1>
      <p className="lead">{t('session.failed.body')}</p>
      <ProblemAlert error={error} onRetry={onRetry} message={named ? undefined : 'session.failed.unexpected'} />
    </>
  );
}

export function NoAccessPage() {
  const { t } = useI18n();
  usePageTitle(t('noAccess.title'));
  return (
    <>
      <h1>{t('noAccess.title')}</h1>
      <p>{t('noAccess.body')}</p>
    </>
  );
}

/** Renders the child routes when the user's roles allow `cap`; otherwise says so. */
export function RequireCapability({ cap }: { cap: Capability }) {
  const { state } = useSession();
  return can(state, cap) ? <Outlet /> : <NoAccessPage />;
}
