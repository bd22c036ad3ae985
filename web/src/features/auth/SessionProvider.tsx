// Loads the session once (GET /session), keeps it for the whole app, and reacts when any request
// finds the session gone (→ login page, keeping the wanted page) or the login flow unfinished
// (→ the step the server names).
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isStage, type SessionUser, type Stage } from '../../api/accountTypes';
import { isAbort, isApiError, onAuthProblem, setCsrfToken } from '../../api/client';
import { sessionApi } from '../../api/endpoints';
import { loginPath } from './next';
import { SessionContext, type Session, type SessionState } from './sessionState';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  const current = useRef(state);
  useEffect(() => {
    here.current = location;
    current.current = state;
  });

  useEffect(() => {
    const ctl = new AbortController();
    sessionApi.get(ctl.signal).then(
      (s) => {
        setState({ status: 'signed-in', stage: s.stage, user: s.user });
      },
      (e: unknown) => {
        if (isAbort(e) || ctl.signal.aborted) return;
        // Only 401 means "no session": anything else (a 404 included) is a failure to show, never
        // a reason to let the user in without logging in.
        if (isApiError(e) && e.kind === 'unauthenticated') setState({ status: 'anonymous' });
        else setState({ status: 'error', error: e });
      },
    );
    return () => {
      ctl.abort();
    };
  }, [nonce]);

  useEffect(
    () =>
      onAuthProblem((p) => {
        const loc = here.current;
        const onLogin = loc.pathname === '/login';
        if (p.kind === 'unauthenticated') {
          setState({ status: 'anonymous', reason: 'expired' });
          if (!onLogin) void navigate(loginPath(loc), { replace: true });
        } else if (p.kind === 'login-incomplete') {
          const s = current.current;
          if (s.status === 'signed-in' && isStage(p.stage)) setState({ ...s, stage: p.stage });
          else setNonce((n) => n + 1);
          if (!onLogin) void navigate(loginPath(loc), { replace: true });
        } else {
          // A refused CSRF token: fetch the session's current one so that trying again works.
          sessionApi.get().catch(() => undefined);
        }
      }),
    [navigate],
  );

  const signedIn = useCallback((answer: { stage: Stage; user: SessionUser }) => {
    setState({ status: 'signed-in', stage: answer.stage, user: answer.user });
  }, []);
  const setStage = useCallback((stage: Stage) => {
    setState((s) => (s.status === 'signed-in' ? { ...s, stage } : s));
  }, []);
  const ended = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous', reason: 'loggedOut' });
    void navigate('/login', { replace: true });
  }, [navigate]);
  const signOut = useCallback(async () => {
    try {
      await sessionApi.logout();
    } catch (e) {
      // Already gone on the server is as good as logged out; any other failure must be seen.
      if (!(isApiError(e) && e.kind === 'unauthenticated')) throw e;
    }
    ended();
  }, [ended]);
  const forget = useCallback(() => {
    setState({ status: 'anonymous', reason: 'expired' });
  }, []);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setNonce((n) => n + 1);
  }, []);

  const value = useMemo<Session>(
    () => ({ state, signedIn, setStage, signOut, ended, forget, reload }),
    [state, signedIn, setStage, signOut, ended, forget, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
