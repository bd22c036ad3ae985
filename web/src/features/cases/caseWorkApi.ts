// Typed calls of the case-work routes: tracks and facts, timeline, clocks, tasks, notes, attachments,
// person records and the child track. All JSON through apiFetch, except an attachment's upload,
// which sends the file's own bytes (its name percent-encoded in a header, never in the URL).
import { apiFetch, getCsrfToken, withQuery } from '../../api/client';
import { networkError, parseProblem } from '../../api/problem';
import type { ItemList } from '../../api/types';
import type {
  Assessment, Attachment, CaseTracks, ChildTrack, ChildTrackEntry, ChildTrackRecord, Clock, ClockDecision,
  Consent, Conversation, IndicatorChecklist, IndicatorsAssessment, MissingAlert, NewClock, NewTask, Note, Page,
  SafetyPlan, Saved, Task, TimelineEntry, Versioned, Wish,
} from './caseWorkTypes';

type Sig = AbortSignal | undefined;
const V1 = '/api/v1';
const casePath = (id: string) => `${V1}/cases/${encodeURIComponent(id)}`;
const personPath = (id: string, personId: string) => `${casePath(id)}/persons/${encodeURIComponent(personId)}`;

/** The person records kept once (a new version supersedes) and the lists only added to. */
export type VersionedRecord = 'indicators' | 'assessment' | 'safety-plan';
export type ListedRecord = 'wishes' | 'conversations' | 'consents';

export const trackApi = {
  get: (id: string, signal?: Sig) => apiFetch<CaseTracks>(`${casePath(id)}/tracks`, { signal }),
  move: (id: string, track: string, to: string, expectedStep: string | null) =>
    apiFetch<CaseTracks>(`${casePath(id)}/tracks/${encodeURIComponent(track)}/moves`, {
      method: 'POST', body: { to, expected_step: expectedStep ?? '' },
    }),
  declare: (id: string, fact: string, personId?: string) =>
    apiFetch<CaseTracks>(`${casePath(id)}/facts`, { method: 'POST', body: { fact, ...(personId ? { person_id: personId } : {}) } }),
  timeline: (id: string, limit: number, offset: number, signal?: Sig) =>
    apiFetch<Page<TimelineEntry>>(withQuery(`${casePath(id)}/timeline`, { limit, offset }), { signal }),
};

export const clockApi = {
  list: (id: string, signal?: Sig) => apiFetch<ItemList<Clock>>(`${casePath(id)}/clocks`, { signal }),
  apply: (id: string, input: NewClock) => apiFetch<Clock>(`${casePath(id)}/clocks`, { method: 'POST', body: input }),
  decide: (id: string, clockId: string, input: ClockDecision) =>
    apiFetch<Clock>(`${casePath(id)}/clocks/${encodeURIComponent(clockId)}/decision`, { method: 'POST', body: input }),
};

export const taskApi = {
  list: (id: string, signal?: Sig) => apiFetch<ItemList<Task>>(`${casePath(id)}/tasks`, { signal }),
  mine: (signal?: Sig) => apiFetch<ItemList<Task>>(`${V1}/tasks/mine`, { signal }),
  add: (id: string, input: NewTask) => apiFetch<Task>(`${casePath(id)}/tasks`, { method: 'POST', body: input }),
  done: (id: string, taskId: string) =>
    apiFetch<Task>(`${casePath(id)}/tasks/${encodeURIComponent(taskId)}/done`, { method: 'POST' }),
};

export const noteApi = {
  list: (id: string, signal?: Sig) => apiFetch<Page<Note>>(withQuery(`${casePath(id)}/notes`, { limit: 100 }), { signal }),
  add: (id: string, text: string) => apiFetch<Note>(`${casePath(id)}/notes`, { method: 'POST', body: { text } }),
  attachments: (id: string, signal?: Sig) =>
    apiFetch<Page<Attachment>>(withQuery(`${casePath(id)}/attachments`, { limit: 100 }), { signal }),
  /** Where the browser downloads an attachment (a GET with the session cookie). */
  attachmentHref: (id: string, attachmentId: string) => `${casePath(id)}/attachments/${encodeURIComponent(attachmentId)}`,
  upload: (id: string, file: File) => uploadAttachment(`${casePath(id)}/attachments`, file),
};

export const recordApi = {
  checklist: (signal?: Sig) => apiFetch<IndicatorChecklist>(`${V1}/indicators`, { signal }),
  indicators: (id: string, personId: string, signal?: Sig) =>
    apiFetch<Versioned<IndicatorsAssessment>>(`${personPath(id, personId)}/indicators`, { signal }),
  saveIndicators: (id: string, personId: string, body: IndicatorsAssessment) =>
    apiFetch<IndicatorsAssessment & Saved>(`${personPath(id, personId)}/indicators`, { method: 'PUT', body }),
  assessment: (id: string, personId: string, signal?: Sig) =>
    apiFetch<Versioned<Assessment>>(`${personPath(id, personId)}/assessment`, { signal }),
  saveAssessment: (id: string, personId: string, body: Assessment) =>
    apiFetch<Assessment & Saved>(`${personPath(id, personId)}/assessment`, { method: 'PUT', body }),
  safetyPlan: (id: string, personId: string, signal?: Sig) =>
    apiFetch<Versioned<SafetyPlan>>(`${personPath(id, personId)}/safety-plan`, { signal }),
  saveSafetyPlan: (id: string, personId: string, body: SafetyPlan) =>
    apiFetch<SafetyPlan & Saved>(`${personPath(id, personId)}/safety-plan`, { method: 'PUT', body }),
  wishes: (id: string, personId: string, signal?: Sig) =>
    apiFetch<ItemList<Wish & Saved>>(`${personPath(id, personId)}/wishes`, { signal }),
  addWish: (id: string, personId: string, body: Wish) =>
    apiFetch<Wish & Saved>(`${personPath(id, personId)}/wishes`, { method: 'POST', body }),
  conversations: (id: string, personId: string, signal?: Sig) =>
    apiFetch<ItemList<Conversation & Saved>>(`${personPath(id, personId)}/conversations`, { signal }),
  addConversation: (id: string, personId: string, body: Conversation) =>
    apiFetch<Conversation & Saved>(`${personPath(id, personId)}/conversations`, { method: 'POST', body }),
  consents: (id: string, personId: string, signal?: Sig) =>
    apiFetch<ItemList<Consent & Saved>>(`${personPath(id, personId)}/consents`, { signal }),
  addConsent: (id: string, personId: string, body: Consent) =>
    apiFetch<Consent & Saved>(`${personPath(id, personId)}/consents`, { method: 'POST', body }),
};

export const childApi = {
  get: (id: string, signal?: Sig) => apiFetch<ChildTrack>(`${casePath(id)}/child-track`, { signal }),
  record: (id: string, personId: string, body: ChildTrackEntry) =>
    apiFetch<ChildTrackRecord>(`${personPath(id, personId)}/child-track`, { method: 'POST', body }),
  missing: (id: string, personId: string) =>
    apiFetch<MissingAlert>(`${personPath(id, personId)}/missing`, { method: 'POST' }),
  found: (id: string, personId: string) =>
    apiFetch<MissingAlert>(`${personPath(id, personId)}/missing/resolved`, { method: 'POST' }),
};

/** Sends a file as the request body; resolves with the attachment, rejects with ApiError. */
async function uploadAttachment(path: string, file: File): Promise<Attachment> {
  const headers = new Headers({
    Accept: 'application/json, application/problem+json',
    'Content-Type': 'application/octet-stream',
    'X-Attachment-Name': encodeURIComponent(file.name),
  });
  const csrf = getCsrfToken();
  if (csrf) headers.set('X-CSRF-Token', csrf);
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch (e) {
    throw networkError(e);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    body = null;
  }
  if (!res.ok) throw parseProblem(res.status, body, res.headers.get('X-Request-Id'));
  return body as Attachment;
}
