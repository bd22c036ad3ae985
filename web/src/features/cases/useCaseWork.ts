// Small hooks the case-work sections share: loading a part of the case again whenever anything on
// the case page changed (`stamp`), and running one write with its busy state, its field problems
// (a 422's) and any other failure.
import { useCallback, useState } from 'react';
import { useApi, type ApiState } from '../../api/useApi';
import { useFormProblems, validationProblems, type FormField, type FormProblem } from '../../components/formProblems';

/** Loads `fetch(caseId)` and again each time `stamp` changes; `fetch` must be module-level. */
export function useCaseData<T>(fetch: (caseId: string, signal: AbortSignal) => Promise<T>, caseId: string, stamp: number) {
  const load = useCallback((signal: AbortSignal) => fetch(caseId, signal), [fetch, caseId]);
  return useReloaded(useApi(load), caseId, stamp);
}

/**
 * Loads again when `stamp` changes, and keeps showing what `key` last loaded meanwhile, so that a
 * section neither flickers nor loses a form being filled in while the case reloads. (React's pattern
 * for adjusting state when a prop changes, without an effect.)
 */
function useReloaded<T>(state: ApiState<T>, key: string, stamp: number): ApiState<T> {
  const [seen, setSeen] = useState(stamp);
  const [last, setLast] = useState<{ key: string; data: T } | null>(null);
  if (seen !== stamp) {
    setSeen(stamp);
    state.reload();
  }
  if (state.data !== undefined && (last?.key !== key || last.data !== state.data)) setLast({ key, data: state.data });
  const kept = last?.key === key ? last.data : undefined;
  return { ...state, data: state.data ?? (state.error ? undefined : kept) };
}

/** One write at a time: `run` resolves true when it succeeded. */
export function useWrite() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const run = async (write: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    setProblems([]);
    try {
      await write();
      return true;
    } catch (err) {
      const p = validationProblems(err);
      if (p) setProblems(p);
      else setFailure(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, problems, setProblems, run };
}

/**
 * A form's write: its field problems (beside each field and in the summary; a 422's, or the form's
 * own found before sending), busy state and any other failure. `run` resolves true on success.
 */
export function useFormWrite(scope: string, fields: Record<string, FormField>) {
  const form = useFormProblems(scope, fields);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const run = async (write: () => Promise<unknown>, local: FormProblem[] = []): Promise<boolean> => {
    setFailure(null);
    form.setProblems(local);
    if (local.length) return false;
    setBusy(true);
    try {
      await write();
      return true;
    } catch (err) {
      const p = validationProblems(err);
      if (p) form.setProblems(p);
      else setFailure(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, failure, run };
}

/** Today's date in Sweden (YYYY-MM-DD), the server's calendar for "not in the future" rules. */
export function todayInSweden(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now);
}

/** Loads `fetch(caseId, personId)`, again when `stamp` changes; `fetch` must be module-level. */
export function usePersonData<T>(
  fetch: (caseId: string, personId: string, signal: AbortSignal) => Promise<T>,
  caseId: string,
  personId: string,
  stamp: number,
) {
  const load = useCallback((signal: AbortSignal) => fetch(caseId, personId, signal), [fetch, caseId, personId]);
  return useReloaded(useApi(load), `${caseId}/${personId}`, stamp);
}

/** The messages of the problems whose field is `path` exactly (e.g. "answers[3].evidence"), or undefined. */
export function errorsAt(problems: readonly FormProblem[], text: (p: FormProblem) => string, ...paths: string[]) {
  const list = problems.filter((p) => paths.includes(p.field)).map(text);
  return list.length ? list : undefined;
}
