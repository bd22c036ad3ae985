// How the hotline's codes read in the user's language: topics, channels, urgencies, statuses, danger
// steps, age groups, genders, citizenship groups and forms; and the routing's texts, which the server
// sends in both languages. Pure.
import type { I18n } from '../../i18n/context';
import type { Recommendation, RoutingBasis } from './hotlineTypes';

type T = Pick<I18n, 'tDynamic' | 'lang'>;

export const topicLabel = (i: T, code: string) => i.tDynamic(`hotline.topic.${code}`, code);
export const channelLabel = (i: T, code: string) => i.tDynamic(`hotline.channel.${code}`, code);
export const urgencyLabel = (i: T, code: string) => i.tDynamic(`hotline.urgency.${code}`, code);
export const statusLabel = (i: T, code: string) => i.tDynamic(`hotline.status.${code}`, code);
export const dangerStepLabel = (i: T, code: string) => i.tDynamic(`hotline.danger.step.${code}`, code);
export const ageGroupLabel = (i: T, code: string) => i.tDynamic(`hotline.age.${code}`, code);
export const genderLabel = (i: T, code: string) => i.tDynamic(`hotline.gender.${code}`, code);
export const citizenshipLabel = (i: T, code: string) => i.tDynamic(`hotline.citizenship.${code}`, code);
export const formLabel = (i: T, code: string) => i.tDynamic(`exploitation.form.${code}`, code);
export const identityBasisLabel = (i: T, code: string) => i.tDynamic(`hotline.identityBasis.${code}`, code);
export const viewLabel = (i: T, code: string) => i.tDynamic(`hotline.view.${code}`, code);

/** The recommendation's one-line reason in the user's language. */
export function reasonText(i: T, r: Pick<Recommendation, 'reason' | 'reason_sv' | 'reason_en'>): string {
  return (i.lang === 'en' ? r.reason_en : r.reason_sv) || r.reason;
}

export function routingBasisTitle(i: T, b: RoutingBasis): string {
  return (i.lang === 'en' ? b.title_en : b.title_sv) || b.code;
}

export function routingBasisReference(i: T, b: RoutingBasis): string {
  return i.lang === 'en' ? b.legal_reference_en : b.legal_reference_sv;
}

/** The badge class of a queue status. */
export function statusClass(status: string): string {
  if (status === 'new') return 'badge badge--unread';
  if (status === 'closed') return 'badge badge--inactive';
  return 'badge badge--active';
}

/** A yes/no/not known choice as a select value, and back. */
export const triValue = (v: boolean | null): string => (v === null ? '' : v ? 'yes' : 'no');
export const triParse = (s: string): boolean | null => (s === '' ? null : s === 'yes');
