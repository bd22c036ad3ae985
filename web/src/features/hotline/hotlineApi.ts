// Typed calls of the hotline routes (issue 6), all JSON through apiFetch (CSRF on every write).
import { apiFetch, withQuery } from '../../api/client';
import type { Referral } from '../../api/referralTypes';
import type { ItemList } from '../../api/types';
import type {
  Consultation, ConsultationConsent, DangerStepRecord, FollowUp, HotlineSetup, NewConsultation, NewConsultationConsent,
  NewConsultationReferral, QueuePage, QueueQuery, Routing, Situation,
} from './hotlineTypes';

type Sig = AbortSignal | undefined;
const V1 = '/api/v1';
const path = (id: string) => `${V1}/consultations/${encodeURIComponent(id)}`;

export const hotlineApi = {
  setup: (signal?: Sig) => apiFetch<HotlineSetup>(`${V1}/hotline/setup`, { signal }),
  routing: (situation: Situation, signal?: Sig) =>
    apiFetch<Routing>(`${V1}/hotline/routing`, { method: 'POST', body: situation, signal }),
  operators: (signal?: Sig) => apiFetch<ItemList<{ id: string; name: string }>>(`${V1}/hotline/operators`, { signal }),
};

export const consultationApi = {
  list: (q: QueueQuery, signal?: Sig) => apiFetch<QueuePage>(withQuery(`${V1}/consultations`, { ...q }), { signal }),
  get: (id: string, signal?: Sig) => apiFetch<Consultation>(path(id), { signal }),
  create: (body: NewConsultation) => apiFetch<Consultation>(`${V1}/consultations`, { method: 'POST', body }),
  update: (id: string, body: NewConsultation & { version: number }) =>
    apiFetch<Consultation>(path(id), { method: 'PUT', body }),
  assign: (id: string, version: number, userId: string | null) =>
    apiFetch<Consultation>(`${path(id)}/assign`, { method: 'POST', body: { version, user_id: userId } }),
  close: (id: string, version: number) => apiFetch<Consultation>(`${path(id)}/close`, { method: 'POST', body: { version } }),
  reopen: (id: string, version: number) => apiFetch<Consultation>(`${path(id)}/reopen`, { method: 'POST', body: { version } }),
  addFollowUp: (id: string, text: string, dueOn: string | null) =>
    apiFetch<FollowUp>(`${path(id)}/follow-ups`, { method: 'POST', body: { text, due_on: dueOn } }),
  followUpDone: (id: string, followUpId: string) =>
    apiFetch<FollowUp>(`${path(id)}/follow-ups/${encodeURIComponent(followUpId)}/done`, { method: 'POST', body: {} }),
  dangerStep: (id: string, step: string, doneAtUs: number | null) =>
    apiFetch<DangerStepRecord>(`${path(id)}/danger-steps`, { method: 'POST', body: { step, done_at_us: doneAtUs } }),
  consents: (id: string, signal?: Sig) => apiFetch<ItemList<ConsultationConsent>>(`${path(id)}/consents`, { signal }),
  recordConsent: (id: string, body: NewConsultationConsent) =>
    apiFetch<ConsultationConsent>(`${path(id)}/consents`, { method: 'POST', body }),
  referrals: (id: string, signal?: Sig) => apiFetch<ItemList<Referral>>(`${path(id)}/referrals`, { signal }),
  refer: (id: string, body: NewConsultationReferral) => apiFetch<Referral>(`${path(id)}/referrals`, { method: 'POST', body }),
};
