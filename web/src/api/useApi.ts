// React hook that runs a loader, aborts it when superseded, and reports data, error and loading.
import { useCallback, useEffect, useState } from 'react';
import { isAbort } from './client';

type Loader<T> = (signal: AbortSignal) => Promise<T>;

interface Settled<T> {
  loader: Loader<T> | null;
  nonce: number;
  data?: T;
  error?: unknown;
}

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** `load` must be stable (module-level or useCallback): a new identity starts a new request. */
export function useApi<T>(load: Loader<T>): ApiState<T> {
  const [nonce, setNonce] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ loader: null, nonce: -1 });

  useEffect(() => {
    const ctl = new AbortController();
    load(ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) setSettled({ loader: load, nonce, data });
      },
      (error: unknown) => {
        if (!ctl.signal.aborted && !isAbort(error)) setSettled({ loader: load, nonce, error });
      },
    );
    return () => {
      ctl.abort();
    };
  }, [load, nonce]);

  const reload = useCallback(() => {
    setNonce((n) => n + 1);
  }, []);
  const fresh = settled.loader === load && settled.nonce === nonce;
  return {
    data: fresh ? settled.data : undefined,
    error: fresh ? settled.error : undefined,
    loading: !fresh,
    reload,
  };
}
