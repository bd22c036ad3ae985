// The clock rules a case worker applies for or starts from the clocks section, read from the server
// (GET /api/v1/clock-rules, data/rules/clocks.toml): the version in force on a day, who may apply,
// whether a decision is awaited, the conditions to confirm, renewal and revocation. The server checks
// every one of them again and names what is wrong; the child track's clocks are started by its
// records, not here. Labels and condition texts are in the i18n files (clock.rule.<id>,
// clock.condition.<id>); the rule's own English text is the fallback.
import { useCallback, useState } from 'react';
import { apiFetch, withQuery } from '../../api/client';
import { cached } from '../../api/cache';
import { useApi } from '../../api/useApi';

/** One rule version as the API sends it (ClockRule in docs/api/openapi.yaml). */
export interface ClockRuleVersion {
  id: string;
  version: number;
  kind: string;
  title: string;
  basis: string;
  legal_reference: string;
  source: string;
  needs_check: boolean;
  valid_from: string;
  valid_to: string | null;
  applicants: string[];
  decided: boolean;
  decided_by: string | null;
  duration: { count?: number; unit: string; counting: string; bound: string };
  reminder_days_before_end: number[];
  conditions: { id: string; text: string }[];
  renewable: boolean;
  max_renewals: number | null;
  revocable: boolean;
  end_task: string | null;
  child_only: boolean;
}

export interface ClockRuleList {
  on: string;
  items: ClockRuleVersion[];
}

export interface ClockRuleChoice {
  id: string;
  /** Who may apply; empty: nobody applies, the clock starts at once (a duty to act). */
  applicants: readonly string[];
  /** An authority decides: an application awaits its decision. */
  decided: boolean;
  /** Condition ids, with the rule's own (English) text for ids the i18n files lack. */
  conditions: readonly string[];
  conditionText: Readonly<Record<string, string>>;
  /** Only for a child of the case (the child track's records start these clocks). */
  childOnly: boolean;
  renewable: boolean;
  revocable: boolean;
  legalReference: string;
  title: string;
}

export function choiceOf(r: ClockRuleVersion): ClockRuleChoice {
  return {
    id: r.id,
    applicants: r.applicants,
    decided: r.decided,
    conditions: r.conditions.map((c) => c.id),
    conditionText: Object.fromEntries(r.conditions.map((c) => [c.id, c.text])),
    childOnly: r.child_only,
    renewable: r.renewable,
    revocable: r.revocable,
    legalReference: r.legal_reference,
    title: r.title,
  };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The rules in force on `on` (YYYY-MM-DD; anything else: today in Sweden), loaded once per day asked. */
export const clockRulesApi = {
  list: (on?: string) => {
    const day = on && ISO_DAY.test(on) ? on : '';
    return cached(`clock-rules:${day}`, () => apiFetch<ClockRuleList>(withQuery('/api/v1/clock-rules', { on: day })));
  },
};

/**
 * The rules the clocks form offers on `on`: every rule in force that is not the child track's.
 * Empty while loading (or when the rules cannot be loaded: `error` says why).
 */
export function useClockRules(on?: string): { rules: readonly ClockRuleChoice[]; error: unknown; reload: () => void } {
  const day = on && ISO_DAY.test(on) ? on : '';
  const load = useCallback(() => clockRulesApi.list(day), [day]);
  const { data, error, reload } = useApi(load);
  // Keeps the rules of the day asked before while another day's load, so the form does not flicker.
  const [last, setLast] = useState<ClockRuleList | undefined>(undefined);
  if (data && data !== last) setLast(data);
  const shown = data ?? (error ? undefined : last);
  return { rules: (shown?.items ?? []).filter((r) => !r.child_only).map(choiceOf), error, reload };
}

/** The rule `id` among `rules`. */
export const clockRule = (rules: readonly ClockRuleChoice[], id: string) => rules.find((r) => r.id === id);
