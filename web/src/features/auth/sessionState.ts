// Where the app stands with the server's session, and the context that shares it.
import { createContext, useContext } from 'react';
import type { LoginAnswer, SessionUser, Stage } from '../../api/accountTypes';

export type SessionState =
  /** GET /session has not answered yet. */
  | { status: 'loading' }
  /**
   * GET /session failed for another reason than "no session" (network, 5xx, or any other answer):
   * nothing is shown but that failure. Every route needs a session; the app never assumes an open server.
   */
  | { status: 'error'; error: unknown }
  /**
   * No session. `reason`: there was one, and the server ended it (idle or absolute timeout,
   * revoked: `expired`) or the user logged out (`loggedOut`).
   */
  | { status: 'anonymous'; reason?: 'expired' | 'loggedOut' }
  /** A session; `stage` says whether the login flow is finished (`active`). */
  | { status: 'signed-in'; stage: Stage; user: SessionUser };

export interface Session {
  state: SessionState;
  /** After POST /session or /session/totp: the session and its user. */
  signedIn: (answer: Pick<LoginAnswer, 'stage' | 'user'>) => void;
  /** The login flow moved on (password changed, TOTP enrolled). */
  setStage: (stage: Stage) => void;
  /** Logs out (DELETE /session) and goes to the login page. */
  signOut: () => Promise<void>;
  /** The session is gone already (e.g. "log out everywhere"): forget it and go to the login page. */
  ended: () => void;
  /** The server no longer knows the session (a 401 the page handled itself): forget it, stay here. */
  forget: () => void;
  /** Asks the server again (GET /session). */
  reload: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}
