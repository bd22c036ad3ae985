// Types of the case routes (docs/api/openapi.yaml, tag `cases`).

/** The kinds of case an organisation keeps, in the order the new-case form offers them. */
export const CASE_TYPES = [
  'trafficking_in_human_beings',
  'human_exploitation',
  'child_sexual_act_purchase_exploitation',
  'prostitution_exit_support',
  'return_only',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseSummary {
  id: string;
  code: string;
  /** A CaseType; a newer server may send one this app does not know yet. */
  type: string;
  /** A CaseStatus, as for `type`. */
  status: string;
  organisation_id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TeamMember {
  user_id: string;
  display_name: string;
  added_by: string;
  added_at: string;
}

export interface Case extends CaseSummary {
  closure_reason: string | null;
  steps_version: string;
  team: TeamMember[];
  /** How the caller sees the case: on its team, or opened by break-glass in this session. */
  access: 'team' | 'break_glass';
  /** When the caller's break-glass opening ends; null on the team. */
  break_glass_expires_at: string | null;
}

export interface CaseList {
  items: CaseSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface CaseQuery {
  status?: string;
  /** One or more case types, comma-separated. */
  type?: string;
  limit: number;
  offset: number;
}
