// Route guards: pages behind a finished login, and pages for some roles only.
import { Navigate, Outlet, useLocation } from 'react-router';
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
  if (state.status === 'error') return <ProblemAlert error={state.error} onRetry={reload} />;
  if (state.status === 'open') return <Outlet />;
  // After logging out, the next person to log in starts afresh rather than where the last one was.
  if (state.status === 'anonymous' && state.reason === 'loggedOut') return <Navigate to="/login" replace />;
  if (state.status === 'anonymous' || state.stage !== 'active') return <Navigate to={loginPath(location)} replace />;
  return <Outlet />;
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
