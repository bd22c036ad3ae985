// What the signed-in user's roles let them use, for showing only navigation and controls that work.
// The server decides every request on its own (src/domain/access/policy.cpp); this only hides what
// would be refused anyway.
import type { RoleInfo, SessionUser } from '../../api/accountTypes';
import type { SessionState } from './sessionState';

export type Capability =
  /** One's own account: password, sessions, recovery codes, notifications. */
  | 'account'
  /** Create, edit and (de)activate organisations. */
  | 'manageOrganisations'
  /** The user administration pages. */
  | 'manageUsers'
  /** The organisation's API tokens. */
  | 'manageTokens'
  /** The audit log. */
  | 'readAudit'
  /** Cases: list, create, read and keep the team of one's own. */
  | 'cases'
  /** Open a case of one's organisation outside one's assignment, with a written reason. */
  | 'breakGlass'
  /** The hotline desk: the queue, the intake and consultations (the national unit's operators). */
  | 'hotline'
  /** The knowledge base: reading (the national unit's hotline operators also write). */
  | 'knowledge'
  /** Published statistics (statistics.read); own figures and publishing are decided in features/statistics/access.ts. */
  | 'statistics';

const BY_ROLE: Record<Exclude<Capability, 'account'>, readonly string[]> = {
  manageOrganisations: ['system_administrator'],
  manageUsers: ['organisation_administrator', 'system_administrator'],
  manageTokens: ['organisation_administrator'],
  readAudit: ['auditor', 'national_auditor'],
  cases: [
    'hotline_operator', 'regional_coordinator', 'social_worker', 'police_investigator', 'prosecutor',
    'migration_officer', 'iom_caseworker', 'ngo_worker',
  ],
  // POST /cases/{id}/break-glass: these roles only (src/domain/access/policy.cpp).
  breakGlass: ['regional_coordinator', 'social_worker', 'police_investigator', 'prosecutor', 'migration_officer'],
  hotline: ['hotline_operator'],
  knowledge: ['hotline_operator', 'regional_coordinator', 'social_worker'],
  statistics: ['statistician', 'regional_coordinator', 'hotline_operator', 'system_administrator'],
};

export function hasRole(user: Pick<SessionUser, 'roles'>, role: string): boolean {
  return user.roles.includes(role);
}

/** The active session's user, or null (no session, the login not finished, or the session unknown). */
export function activeUser(state: SessionState): SessionUser | null {
  return state.status === 'signed-in' && state.stage === 'active' ? state.user : null;
}

export function can(state: SessionState, cap: Capability): boolean {
  const user = activeUser(state);
  if (!user) return false;
  if (cap === 'account') return true;
  return BY_ROLE[cap].some((r) => hasRole(user, r));
}

export interface NavItem {
  to: string;
  label: 'nav.home' | 'nav.hotline' | 'nav.knowledge' | 'nav.cases' | 'nav.organisations' | 'nav.coverage' | 'nav.geography' | 'nav.statistics' | 'nav.users' | 'nav.tokens' | 'nav.audit';
  end: boolean;
}

/** The main navigation for this session: the directory pages for all, cases and the rest by role. */
export function navFor(state: SessionState): NavItem[] {
  if (!activeUser(state)) return [];
  const items: NavItem[] = [
    { to: '/', label: 'nav.home', end: true },
    ...(can(state, 'hotline') ? [{ to: '/hotline', label: 'nav.hotline' as const, end: false }] : []),
    ...(can(state, 'knowledge') ? [{ to: '/knowledge', label: 'nav.knowledge' as const, end: false }] : []),
    ...(can(state, 'cases') ? [{ to: '/cases', label: 'nav.cases' as const, end: false }] : []),
    { to: '/organisations', label: 'nav.organisations', end: false },
    { to: '/coverage', label: 'nav.coverage', end: false },
    { to: '/geography', label: 'nav.geography', end: false },
    ...(can(state, 'statistics') ? [{ to: '/statistics', label: 'nav.statistics' as const, end: false }] : []),
  ];
  if (can(state, 'manageUsers')) items.push({ to: '/users', label: 'nav.users', end: false });
  if (can(state, 'manageTokens')) items.push({ to: '/tokens', label: 'nav.tokens', end: false });
  if (can(state, 'readAudit')) items.push({ to: '/audit', label: 'nav.audit', end: false });
  return items;
}

/** Whether an organisation of `kind` may grant `role` (GET /roles: an empty `kinds` means every kind). */
export function kindAllows(info: RoleInfo, kind: string): boolean {
  return info.kinds.length === 0 || info.kinds.includes(kind);
}

/**
 * The roles `granter` may give a user of an organisation of `kind` (`own`: the granter's own
 * organisation), mirroring MayGrant in src/domain/access/policy.cpp: a system administrator grants
 * organisation administrators anywhere and system administrators at home; an organisation
 * administrator grants every role the kind allows, except system administrator, at home only.
 */
export function grantableRoles(granter: Pick<SessionUser, 'roles'>, own: boolean, kind: string, roles: readonly RoleInfo[]): string[] {
  const sysAdmin = hasRole(granter, 'system_administrator');
  const orgAdmin = own && hasRole(granter, 'organisation_administrator');
  return roles
    .filter((r) => kindAllows(r, kind))
    .filter((r) => {
      if (sysAdmin && (r.role === 'organisation_administrator' || (r.role === 'system_administrator' && own))) return true;
      return orgAdmin && r.role !== 'system_administrator';
    })
    .map((r) => r.role);
}
