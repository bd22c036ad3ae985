// Typed calls for each API route the web app uses.
import type {
  ApiToken, AuditPage, AuditQuery, Checkpoint, CreatedToken, CreatedUser, EnrolmentConfirmed, LoginAnswer,
  ManagedUser, NotificationPage, OneTimePassword, RecoveryCodes, RoleInfo, SessionInfo, SessionSummary,
  StageAnswer, TokenInput, TotpEnrolment, UnreadCount, UserInput, UserPage, UserPatch, UserQuery,
} from './accountTypes';
import type { Case, CaseList, CasePerson, CasePersonInput, CaseQuery, FoundPerson } from './caseTypes';
import { apiFetch, setCsrfToken, withQuery } from './client';
import type {
  Country, County, CountyDetail, CountyFeatureProperties, CoverageAnswer, FeatureCollection, ItemList,
  LanguageList, Municipality, Organisation, OrganisationInput, OrganisationKindInfo, OrganisationPage,
  OrganisationQuery, OrganisationUpdate, PoliceRegion, ServiceCatalog,
} from './types';

const V1 = '/api/v1';
type Sig = AbortSignal | undefined;

export const geoApi = {
  policeRegions: (signal?: Sig) => apiFetch<ItemList<PoliceRegion>>(`${V1}/geo/police-regions`, { signal }),
  counties: (signal?: Sig) => apiFetch<ItemList<County>>(`${V1}/geo/counties`, { signal }),
  county: (code: string, signal?: Sig) =>
    apiFetch<CountyDetail>(`${V1}/geo/counties/${encodeURIComponent(code)}`, { signal }),
  municipalities: (signal?: Sig) => apiFetch<ItemList<Municipality>>(`${V1}/geo/municipalities`, { signal }),
  countyMap: (signal?: Sig) =>
    apiFetch<FeatureCollection<CountyFeatureProperties>>(`${V1}/geo/maps/counties`, { signal }),
};

export const refApi = {
  services: (signal?: Sig) => apiFetch<ServiceCatalog>(`${V1}/ref/services`, { signal }),
  organisationKinds: (signal?: Sig) =>
    apiFetch<ItemList<OrganisationKindInfo>>(`${V1}/ref/organisation-kinds`, { signal }),
  countries: (signal?: Sig) => apiFetch<ItemList<Country>>(`${V1}/ref/countries`, { signal }),
  languages: (q: string, limit: number, signal?: Sig) =>
    apiFetch<LanguageList>(withQuery(`${V1}/ref/languages`, { q, limit }), { signal }),
};

const orgPath = (id: string) => `${V1}/organisations/${encodeURIComponent(id)}`;

export const orgApi = {
  list: (query: OrganisationQuery, signal?: Sig) =>
    apiFetch<OrganisationPage>(withQuery(`${V1}/organisations`, { ...query }), { signal }),
  get: (id: string, signal?: Sig) => apiFetch<Organisation>(orgPath(id), { signal }),
  create: (input: OrganisationInput) =>
    apiFetch<Organisation>(`${V1}/organisations`, { method: 'POST', body: input }),
  update: (id: string, input: OrganisationUpdate) =>
    apiFetch<Organisation>(orgPath(id), { method: 'PUT', body: input }),
  setActive: (id: string, active: boolean, version: number) =>
    apiFetch<Organisation>(`${orgPath(id)}/${active ? 'activate' : 'deactivate'}`, {
      method: 'POST',
      body: { version },
    }),
  coverage: (municipality: string, service: string | undefined, signal?: Sig) =>
    apiFetch<CoverageAnswer>(withQuery(`${V1}/organisations/coverage`, { municipality, service }), { signal }),
};

/** Keeps the CSRF token of a session answer (when it has one) in memory (client.ts) and passes the answer on. */
function remember<T extends { csrf_token?: string }>(answer: T): T {
  if (answer.csrf_token) setCsrfToken(answer.csrf_token);
  return answer;
}

// The login flow's calls are quiet: a 401 there is an answer for the login page, not a lost session.
const quiet = { quietAuth: true } as const;

export const sessionApi = {
  /** The current session; rejects with kind 'unauthenticated' without one. */
  get: async (signal?: Sig) => remember(await apiFetch<SessionInfo>(`${V1}/session`, { signal, ...quiet })),
  login: async (username: string, password: string) =>
    remember(await apiFetch<LoginAnswer>(`${V1}/session`, { method: 'POST', body: { username, password }, ...quiet })),
  totp: async (answer: { code: string } | { recovery_code: string }) =>
    remember(await apiFetch<LoginAnswer>(`${V1}/session/totp`, { method: 'POST', body: answer, ...quiet })),
  startEnrolment: () => apiFetch<TotpEnrolment>(`${V1}/session/totp-enrolment`, { method: 'POST', ...quiet }),
  confirmEnrolment: async (code: string) =>
    remember(await apiFetch<EnrolmentConfirmed>(`${V1}/session/totp-enrolment/confirm`, { method: 'POST', body: { code }, ...quiet })),
  /** `inLoginFlow`: a 401 is the login page's to handle; elsewhere it means the session is gone. */
  changePassword: async (current_password: string, new_password: string, inLoginFlow: boolean) =>
    remember(await apiFetch<StageAnswer>(`${V1}/session/password`, {
      method: 'POST',
      body: { current_password, new_password },
      quietAuth: inLoginFlow,
    })),
  logout: async () => {
    try {
      await apiFetch<null>(`${V1}/session`, { method: 'DELETE', ...quiet });
    } finally {
      setCsrfToken(null);
    }
  },
};

const mePath = `${V1}/me`;

export const meApi = {
  sessions: (signal?: Sig) => apiFetch<{ items: SessionSummary[] }>(`${mePath}/sessions`, { signal }),
  endSession: (id: string) => apiFetch<null>(`${mePath}/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  endAllSessions: async () => {
    await apiFetch<null>(`${mePath}/sessions/revoke-all`, { method: 'POST' });
    setCsrfToken(null);
  },
  regenerateRecoveryCodes: (code: string) =>
    apiFetch<RecoveryCodes>(`${mePath}/recovery-codes`, { method: 'POST', body: { code } }),
  notifications: (q: { unread?: boolean; limit: number; offset: number }, signal?: Sig) =>
    apiFetch<NotificationPage>(
      withQuery(`${mePath}/notifications`, { unread: q.unread ? 'true' : undefined, limit: q.limit, offset: q.offset }),
      { signal },
    ),
  markRead: (id: string) =>
    apiFetch<null>(`${mePath}/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
  markAllRead: () => apiFetch<null>(`${mePath}/notifications/read-all`, { method: 'POST' }),
  unreadCount: (signal?: Sig) => apiFetch<UnreadCount>(`${mePath}/notifications/unread-count`, { signal }),
};

const userPath = (id: string) => `${V1}/users/${encodeURIComponent(id)}`;

export const userApi = {
  list: (query: UserQuery, signal?: Sig) => apiFetch<UserPage>(withQuery(`${V1}/users`, { ...query }), { signal }),
  get: (id: string, signal?: Sig) => apiFetch<ManagedUser>(userPath(id), { signal }),
  create: (input: UserInput) => apiFetch<CreatedUser>(`${V1}/users`, { method: 'POST', body: input }),
  update: (id: string, patch: UserPatch) => apiFetch<ManagedUser>(userPath(id), { method: 'PATCH', body: patch }),
  resetPassword: (id: string) => apiFetch<OneTimePassword>(`${userPath(id)}/password-reset`, { method: 'POST' }),
  resetTotp: (id: string) => apiFetch<null>(`${userPath(id)}/totp-reset`, { method: 'POST' }),
  roles: (signal?: Sig) => apiFetch<ItemList<RoleInfo>>(`${V1}/roles`, { signal }),
};

export const tokenApi = {
  list: (signal?: Sig) => apiFetch<ItemList<ApiToken>>(`${V1}/tokens`, { signal }),
  create: (input: TokenInput) => apiFetch<CreatedToken>(`${V1}/tokens`, { method: 'POST', body: input }),
  revoke: (id: string) => apiFetch<null>(`${V1}/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

export const auditApi = {
  events: (query: AuditQuery, signal?: Sig) =>
    apiFetch<AuditPage>(withQuery(`${V1}/audit/events`, { ...query }), { signal }),
  checkpoints: (limit: number, signal?: Sig) =>
    apiFetch<ItemList<Checkpoint>>(withQuery(`${V1}/audit/checkpoints`, { limit }), { signal }),
};

const casePath = (id: string) => `${V1}/cases/${encodeURIComponent(id)}`;

export const caseApi = {
  persons: (id: string, signal?: Sig) => apiFetch<ItemList<CasePerson>>(`${casePath(id)}/persons`, { signal }),
  addPerson: (id: string, input: CasePersonInput) =>
    apiFetch<CasePerson>(`${casePath(id)}/persons`, { method: 'POST', body: input }),
  /** POST so that the name asked for stays out of URLs and logs. */
  searchPersons: (name: string, limit: number) =>
    apiFetch<ItemList<FoundPerson>>(`${V1}/persons/search`, { method: 'POST', body: { name, limit } }),
  list: (query: CaseQuery, signal?: Sig) => apiFetch<CaseList>(withQuery(`${V1}/cases`, { ...query }), { signal }),
  get: (id: string, signal?: Sig) => apiFetch<Case>(casePath(id), { signal }),
  create: (type: string) => apiFetch<Case>(`${V1}/cases`, { method: 'POST', body: { type } }),
  addTeamMember: (id: string, userId: string) =>
    apiFetch<Case>(`${casePath(id)}/team`, { method: 'POST', body: { user_id: userId } }),
  removeTeamMember: (id: string, userId: string) =>
    apiFetch<null>(`${casePath(id)}/team/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
  breakGlass: (id: string, reason: string) =>
    apiFetch<Case>(`${casePath(id)}/break-glass`, { method: 'POST', body: { reason } }),
};
