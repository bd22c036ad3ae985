// Payload types of the security core's routes (docs/design/security-core.md): sessions and the login
// flow, one's own account, users, roles, API tokens and the audit log. Times are RFC 3339 strings.
import type { OrganisationKind } from './types';

/** The roles a user can hold, as src/domain/access/roles.cpp names them. */
export const ROLES = [
  'system_administrator',
  'organisation_administrator',
  'hotline_operator',
  'regional_coordinator',
  'social_worker',
  'police_investigator',
  'prosecutor',
  'migration_officer',
  'iom_caseworker',
  'ngo_worker',
  'statistician',
  'auditor',
  'national_auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Where a session is in the login flow; only `active` may use the rest of the API. */
export const STAGES = ['totp', 'enrol_totp', 'change_password', 'active'] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(v: unknown): v is Stage {
  return typeof v === 'string' && (STAGES as readonly string[]).includes(v);
}

export interface UserOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/** The signed-in user, as the session routes return it. Roles may include names this app does not know. */
export interface SessionUser {
  id: string;
  username: string;
  display_name: string;
  organisation: UserOrganisation;
  roles: string[];
  totp_enrolled: boolean;
}

/** POST /session and POST /session/totp. */
export interface LoginAnswer {
  stage: Stage;
  csrf_token: string;
  user: SessionUser;
}

/** GET /session. */
export interface SessionInfo extends LoginAnswer {
  expires_at: string;
  idle_expires_at: string;
}

export interface TotpEnrolment {
  /** Unpadded RFC 4648 base32. */
  secret: string;
  otpauth_uri: string;
  /** A standalone SVG document (the QR code); shown only as an <img> data: URL. */
  qr_svg: string;
}

/** The session as it is after confirming; the server may send a new CSRF token with it. */
export interface EnrolmentConfirmed {
  stage: Stage;
  recovery_codes: string[];
  csrf_token?: string;
}

/** The answer to a password change: the session's stage (and, from the server, the whole session). */
export interface StageAnswer {
  stage: Stage;
  csrf_token?: string;
}

export interface SessionSummary {
  id: string;
  current: boolean;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** The client as the server describes it (browser and address); free text. */
  client: string;
}

export interface RecoveryCodes {
  recovery_codes: string[];
}

export interface Notification {
  id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  /** The user who caused it (null for the system). */
  actor: { id: string; display_name: string | null } | null;
  detail: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
}

export interface UnreadCount {
  unread: number;
}

/** A user as the administration routes return it. */
export interface ManagedUser extends SessionUser {
  active: boolean;
  version: number;
  created_at: string;
  must_change_password: boolean;
}

export interface UserPage {
  items: ManagedUser[];
  total: number;
}

export interface UserQuery {
  organisation_id?: string;
  role?: string;
  active?: 'true' | 'false';
  q?: string;
  limit?: number;
  offset?: number;
}

export interface UserInput {
  organisation_id: string;
  username: string;
  display_name: string;
  roles: string[];
}

export interface UserPatch {
  version: number;
  display_name?: string;
  roles?: string[];
  active?: boolean;
}

export interface CreatedUser {
  user: ManagedUser;
  one_time_password: string;
}

export interface OneTimePassword {
  one_time_password: string;
}

export interface RoleInfo {
  role: string;
  sees_personal_data: boolean;
  /** The organisation kinds that may grant the role; empty means every kind. */
  kinds: string[];
}

/** The actions an API token may hold (TokenMayHold in src/domain/access/action.cpp). */
export const TOKEN_ACTIONS = ['directory.read', 'reference.read', 'users.read', 'audit.read', 'statistics.read'] as const;

export interface ApiToken {
  id: string;
  name: string;
  actions: string[];
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface TokenInput {
  name: string;
  actions: string[];
  /** The last day the token works, YYYY-MM-DD. */
  expires_at: string;
}

/** POST /tokens: the token's fields plus its secret, shown once. */
export interface CreatedToken extends ApiToken {
  token: string;
}

/** A record an event touched (AuditObject in docs/api/openapi.yaml). */
export interface AuditObject {
  type: string;
  id: string;
  /** The record's owner, or null. */
  organisation_id: string | null;
  /** The sections read or changed; empty for the whole record. */
  sections: string[];
}

/**
 * One entry of the audit log (AuditEvent in docs/api/openapi.yaml, src/http/audit_dto.cpp). Ids that
 * do not apply are null. With `intact: false` the stored entry no longer decodes to an event: only
 * `seq` is known, every other member is null or empty.
 */
export interface AuditEvent {
  seq: number;
  intact: boolean;
  /** null only when the entry is damaged. */
  at: string | null;
  actor_user_id: string | null;
  actor_token_id: string | null;
  organisation_id: string | null;
  roles: string[];
  /** null only when the entry is damaged. */
  action: string | null;
  /** `allowed`, `denied` or `failed`; null only when the entry is damaged. */
  outcome: string | null;
  objects: AuditObject[];
  purpose: string | null;
  reason_id: string | null;
  request_id: string | null;
}

export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  object_type?: string;
  object_id?: string;
  organisation_id?: string;
  limit?: number;
  offset?: number;
}

export interface AuditPage {
  items: AuditEvent[];
  total: number;
  limit: number;
  offset: number;
}

/** A signed statement of the log's size and Merkle root at a time (AuditCheckpoint). */
export interface Checkpoint {
  size: number;
  root: string;
  time: string;
  /** The same time in microseconds since the epoch, as the signed message names it. */
  time_us: number;
  signature: string;
  key_id: string;
}
