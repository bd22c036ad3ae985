// The running call timer of the intake: started, paused and started again, it counts the seconds of
// the call (saved as duration_seconds). The clock is read only in events and in the tick, never while
// rendering.
import { useCallback, useEffect, useState } from 'react';

interface TimerState {
  /** Milliseconds counted before the current run. */
  banked: number;
  /** When the current run began (Date.now()), or null while paused. */
  since: number | null;
  /** The last tick's Date.now(). */
  now: number;
}

export interface CallTimer {
  seconds: number;
  running: boolean;
  start: () => void;
  pause: () => void;
  toggle: () => void;
}

const TICK_MS = 1000;

/** A timer from `initialSeconds`, running from the start when `autoStart`. */
export function useCallTimer(initialSeconds: number, autoStart: boolean): CallTimer {
  const [s, setS] = useState<TimerState>(() => {
    const now = Date.now();
    return { banked: initialSeconds * 1000, since: autoStart ? now : null, now };
  });
  const running = s.since !== null;

  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => {
      setS((x) => ({ ...x, now: Date.now() }));
    }, TICK_MS);
    return () => {
      window.clearInterval(id);
    };
  }, [running]);

  const start = useCallback(() => {
    setS((x) => {
      const now = Date.now();
      return x.since !== null ? x : { ...x, since: now, now };
    });
  }, []);
  const pause = useCallback(() => {
    setS((x) => {
      const now = Date.now();
      return x.since === null ? x : { banked: x.banked + (now - x.since), since: null, now };
    });
  }, []);
  const toggle = useCallback(() => {
    setS((x) => {
      const now = Date.now();
      return x.since === null ? { ...x, since: now, now } : { banked: x.banked + (now - x.since), since: null, now };
    });
  }, []);

  const elapsed = s.banked + (s.since !== null ? Math.max(0, s.now - s.since) : 0);
  return { seconds: Math.floor(elapsed / 1000), running, start, pause, toggle };
}
