// Typed calls of the consent ledger and the referral routes (issue 5), all JSON through apiFetch.
import { apiFetch, withQuery } from '../../api/client';
import type {
  Acceptance, InboxPage, InboxQuery, LedgerConsent, NewLedgerConsent, NewReferral, PackageAnswer, Referral, ReferralRules,
} from '../../api/referralTypes';
import type { ItemList } from '../../api/types';

type Sig = AbortSignal | undefined;
const V1 = '/api/v1';
const casePath = (id: string) => `${V1}/cases/${encodeURIComponent(id)}`;
const referralPath = (id: string) => `${V1}/referrals/${encodeURIComponent(id)}`;

export const ledgerApi = {
  list: (caseId: string, signal?: Sig) => apiFetch<ItemList<LedgerConsent>>(`${casePath(caseId)}/consents`, { signal }),
  record: (caseId: string, body: NewLedgerConsent) =>
    apiFetch<LedgerConsent>(`${casePath(caseId)}/consents`, { method: 'POST', body }),
  revoke: (consentId: string, revoked_on: string, reason: string) =>
    apiFetch<LedgerConsent>(`${V1}/consents/${encodeURIComponent(consentId)}/revoke`, {
      method: 'POST', body: { revoked_on, ...(reason.trim() ? { reason: reason.trim() } : {}) },
    }),
};

export const referralApi = {
  rules: (signal?: Sig) => apiFetch<ReferralRules>(`${V1}/referral-rules`, { signal }),
  send: (caseId: string, body: NewReferral) => apiFetch<Referral>(`${casePath(caseId)}/referrals`, { method: 'POST', body }),
  sent: (caseId: string, signal?: Sig) => apiFetch<ItemList<Referral>>(`${casePath(caseId)}/referrals`, { signal }),
  inbox: (q: InboxQuery, signal?: Sig) => apiFetch<InboxPage>(withQuery(`${V1}/referrals/inbox`, { ...q }), { signal }),
  get: (id: string, signal?: Sig) => apiFetch<Referral>(referralPath(id), { signal }),
  package: (id: string, signal?: Sig) => apiFetch<PackageAnswer>(`${referralPath(id)}/package`, { signal }),
  accept: (id: string, body: Acceptance) => apiFetch<Referral>(`${referralPath(id)}/accept`, { method: 'POST', body }),
  decline: (id: string, version: number, reason: string) =>
    apiFetch<Referral>(`${referralPath(id)}/decline`, { method: 'POST', body: { version, reason } }),
  withdraw: (id: string, version: number) =>
    apiFetch<Referral>(`${referralPath(id)}/withdraw`, { method: 'POST', body: { version } }),
  complete: (id: string, version: number, completed_on: string, outcome: string) =>
    apiFetch<Referral>(`${referralPath(id)}/complete`, { method: 'POST', body: { version, completed_on, outcome } }),
};
