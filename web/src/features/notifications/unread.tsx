// The unread-notification count for the bell: asked on load, every 60 s while the page is visible and
// in use, and whenever a page that changes it (marking read) asks for a refresh.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { meApi } from '../../api/endpoints';

export const POLL_MS = 60_000;
/**
 * Polling stops when nobody has touched the page for this long, so that the poll does not keep an
 * abandoned session alive past the server's idle timeout (15 minutes by default).
 */
export const IDLE_MS = 10 * 60_000;

interface Unread {
  /** null until known (or without an active session). */
  count: number | null;
  refresh: () => void;
}

const UnreadContext = createContext<Unread>({ count: null, refresh: () => undefined });

export function useUnread(): Unread {
  return useContext(UnreadContext);
}

export function UnreadProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [count, setCount] = useState<number | null>(null);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const ctl = new AbortController();
    let lastActivity = Date.now();
    const active = () => {
      lastActivity = Date.now();
    };
    const load = () => {
      // A hidden tab does not ask: nobody sees the bell, and it spares the server.
      if (document.hidden || Date.now() - lastActivity > IDLE_MS) return;
      meApi.unreadCount(ctl.signal).then(
        (r) => {
          if (!ctl.signal.aborted) setCount(r.unread);
        },
        () => {
          // Keep the last count; a lost session is handled by the fetch wrapper (→ login page).
        },
      );
    };
    load();
    const timer = window.setInterval(load, POLL_MS);
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) document.addEventListener(e, active, { passive: true, capture: true });
    document.addEventListener('visibilitychange', load);
    return () => {
      ctl.abort();
      window.clearInterval(timer);
      for (const e of events) document.removeEventListener(e, active, { capture: true });
      document.removeEventListener('visibilitychange', load);
    };
  }, [enabled, nonce]);

  const refresh = useCallback(() => {
    setNonce((n) => n + 1);
  }, []);
  const value = useMemo(() => ({ count: enabled ? count : null, refresh }), [enabled, count, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}
