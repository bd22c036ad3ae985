// The public call-back request (POST /api/v1/public/callback-requests): no login, no CSRF token. The server
// answers 202 {"received":true} and echoes nothing; 422 names the field, 429 means "try again later".
import { apiFetch } from '../../api/client';

/** What the call-back form offers (hotline::Topic words, as the server accepts them). */
export const CALLBACK_TOPICS = [
  'suspected_trafficking', 'human_exploitation', 'prostitution', 'child', 'demand', 'method_advice', 'other',
] as const;
export type CallbackTopic = (typeof CALLBACK_TOPICS)[number];

/** The professional's own details: there is no field for the person they call about. */
export interface CallbackRequest {
  name: string;
  organisation: string;
  phone: string;
  topic: CallbackTopic;
  message_language: 'sv' | 'en';
}

export const publicApi = {
  requestCallback: (request: CallbackRequest) =>
    apiFetch<{ received: boolean }>('/api/v1/public/callback-requests', { method: 'POST', body: request, quietAuth: true }),
};
