// Routing suggestions beside the form: the situation is sent (POST /hotline/routing) once it has not
// changed for ROUTING_DELAY_MS, and the answer for the latest situation is kept.
import { useEffect, useState } from 'react';
import { isAbort } from '../../api/client';
import { hotlineApi } from './hotlineApi';
import type { Routing, Situation } from './hotlineTypes';

export const ROUTING_DELAY_MS = 300;

interface Answer {
  key: string;
  data?: Routing;
  error?: unknown;
}

export interface RoutingState {
  /** The answer for the situation shown, or the previous one while a new one is on its way. */
  data: Routing | undefined;
  error: unknown;
  loading: boolean;
  /** No municipality yet: nothing to ask. */
  idle: boolean;
}

export function useRouting(situation: Situation | null): RoutingState {
  const key = situation ? JSON.stringify(situation) : '';
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (!key) return;
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      hotlineApi.routing(JSON.parse(key) as Situation, ctl.signal).then(
        (data) => {
          setAnswer({ key, data });
        },
        (error: unknown) => {
          if (!isAbort(error)) setAnswer({ key, error });
        },
      );
    }, ROUTING_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [key]);

  if (!key) return { data: undefined, error: undefined, loading: false, idle: true };
  const fresh = answer?.key === key;
  return {
    data: answer?.data,
    error: fresh ? answer.error : undefined,
    loading: !fresh,
    idle: false,
  };
}
