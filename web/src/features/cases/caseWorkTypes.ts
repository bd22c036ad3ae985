// Types of the case-work routes (docs/api/openapi.yaml, tag `cases`): tracks and facts, the timeline,
// clocks, tasks, notes and attachments, the person records and the child track. Field names are the
// server's (src/http/*_dto.cpp).

/** A fact a next step still needs, and how it gets recorded ("declaration" or the record that implies it). */
export interface MissingFact {
  fact: string;
  section: string;
  recorded_by: string;
}

export interface NextStep {
  step: string;
  ending: boolean;
  missing: MissingFact[];
  caller_may_move: boolean;
}

export interface Track {
  track: string;
  available: boolean;
  unavailable_rule: string | null;
  step: string | null;
  ending: boolean;
  entered_at: string | null;
  entered_by: string | null;
  next: NextStep[];
}

export interface RecordedFact {
  fact: string;
  section: string;
  person_id: string | null;
  entry_id: string;
  recorded_by: string;
  recorded_at: string;
}

export interface CaseTracks {
  case_id: string;
  steps_version: string;
  status: string;
  closure_reason: string | null;
  version: number;
  tracks: Track[];
  facts: RecordedFact[];
}

export interface TimelineEntry {
  id: string;
  seq: number;
  kind: string;
  section: string;
  person_id: string | null;
  subject_id: string | null;
  details: Record<string, string>;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Clock {
  id: string;
  case_id: string;
  person_id: string;
  rule_id: string;
  rule_version: number;
  kind: string;
  title: string;
  legal_reference: string;
  needs_check: boolean;
  section: string;
  /** applied | running | ended | refused | revoked | withdrawn */
  status: string;
  applicant: string | null;
  applied_on: string | null;
  decided_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
  conditions: string[];
  renewals: number;
  stopped_on: string | null;
  stop_reason: string | null;
  state: string | null;
  days_left: number | null;
  overdue: boolean;
  reminders: string[];
  task_id: string | null;
}

export interface NewClock {
  rule_id: string;
  person_id: string;
  applicant?: string;
  applied_on?: string;
  decided_on?: string;
  starts_on?: string;
  ends_on?: string;
  conditions?: string[];
}

export interface ClockDecision {
  outcome: 'granted' | 'refused';
  decided_on: string;
  starts_on?: string;
  ends_on?: string;
}

export interface Task {
  id: string;
  case_id: string;
  case_code: string | null;
  person_id: string | null;
  section: string;
  title: string | null;
  /** A clock's task word, e.g. "reflection_period_ends"; null for a task written by hand. */
  kind: string | null;
  clock_id: string | null;
  assignee_user_id: string;
  due_on: string;
  status: string;
  days_left: number;
  overdue: boolean;
  created_by: string;
  created_at: string;
  done_by: string | null;
  done_at: string | null;
}

export interface NewTask {
  title: string;
  assignee_user_id: string;
  due_on: string;
  person_id?: string;
}

export interface Note {
  id: string;
  case_id: string;
  person_id: string | null;
  corrects: string | null;
  text: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export interface Attachment {
  id: string;
  case_id: string;
  name: string;
  media_type: string;
  size_bytes: number;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

// Person records: each saved version carries id, recorded_by and recorded_at.
export interface Saved {
  id: string;
  recorded_by: string;
  recorded_at: string;
}

export interface Versioned<T> {
  current: (T & Saved) | null;
  history: Saved[];
}

export interface SafetyPlan {
  risks: { description: string; level: string }[];
  measures: { description: string; responsible: string }[];
  who_to_call: { name: string; phone: string }[];
  made_on: string;
  review_on: string | null;
  made_with_person: boolean;
}

export interface Wish {
  step: string;
  wish: string;
  recorded_on: string;
}

export interface IndicatorAnswer {
  indicator_id: string;
  answer: string;
  evidence: string;
}

export interface IndicatorsAssessment {
  catalog_version: string;
  assessed_by?: string;
  assessed_on: string;
  answers: IndicatorAnswer[];
}

export interface IndicatorChecklist {
  version: string;
  valid_from: string;
  sources: string[];
  answers: string[];
  groups: {
    id: string;
    name_en: string;
    name_sv: string;
    children_only: boolean;
    indicators: { id: string; text_en: string; text_sv: string }[];
  }[];
}

export interface Assessment {
  assessed_by?: string;
  assessed_on: string;
  conclusion: string;
  grounds: string;
}

export interface Interpreter {
  language: string;
  mode: string;
  relationship: string;
  provider?: string;
}

export interface Conversation {
  held_on: string;
  held_by?: string;
  language: string;
  interpreter: Interpreter | null;
  summary?: string;
}

export interface Consent {
  purpose: string;
  taken_on: string;
  taken_by?: string;
  language: string;
  interpreter: Interpreter | null;
  given: boolean;
}

// The child track.
export interface ChildTrackRecord {
  id: string;
  case_id: string;
  person_id: string;
  /** report_of_concern | immediate_custody | guardian_appointed | age_assessment */
  kind: string;
  on: string;
  municipality: string | null;
  recipient_organisation_id: string | null;
  outcome: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
  clocks: Clock[];
}

export interface ChildTrackEntry {
  kind: string;
  on: string;
  municipality?: string;
  recipient_organisation_id?: string;
  outcome?: string;
  note?: string;
}

export interface MissingAlert {
  id: string;
  case_id: string;
  person_id: string;
  open: boolean;
  opened_by: string;
  opened_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
  notified?: number;
  regional_coordination?: string;
}

export interface ChildTrack {
  records: ChildTrackRecord[];
  alerts: MissingAlert[];
  missing_alert_open: boolean;
}
