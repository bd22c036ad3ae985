// Runs a request once per component, even when React runs effects twice (StrictMode in development):
// for requests that must not be repeated, such as starting a TOTP enrolment (each start makes a new
// secret, and only the last one counts).
import { useCallback, useEffect, useRef, useState } from 'react';

export interface OnceState<T> {
  data: T | undefined;
  error: unknown;
  /** Forgets the answer and asks again (after a failure). */
  retry: () => void;
}

export function useOnce<T>(start: () => Promise<T>): OnceState<T> {
  const promise = useRef<Promise<T> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ attempt: number; data?: T; error?: unknown } | null>(null);
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });

  useEffect(() => {
    let alive = true;
    promise.current ??= startRef.current();
    promise.current.then(
      (data) => {
        if (alive) setResult({ attempt, data });
      },
      (error: unknown) => {
        if (alive) setResult({ attempt, error });
      },
    );
    return () => {
      alive = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    promise.current = null;
    setResult(null);
    setAttempt((a) => a + 1);
  }, []);
  const fresh = result?.attempt === attempt;
  return { data: fresh ? result.data : undefined, error: fresh ? result.error : undefined, retry };
}
