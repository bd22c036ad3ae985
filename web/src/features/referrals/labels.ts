// How the codes of referrals and consents read in the user's language: purposes, sections (with a plain
// line of what each contains), legal bases (their titles and references come from the server's dated
// table, in both languages), statuses, outcomes, consent forms, deliveries and steps. Pure.
import type { BasisRule } from '../../api/referralTypes';
import type { I18n } from '../../i18n/context';

type T = Pick<I18n, 'tDynamic' | 'lang'>;

export const purposeLabel = (i: T, code: string) => i.tDynamic(`referral.purpose.${code}`, code);
/** "to get a place in a shelter": the purpose as the end of a sentence. */
export const purposeAim = (i: T, code: string) => i.tDynamic(`referral.purpose.${code}.aim`, purposeLabel(i, code));
export const sectionLabel = (i: T, code: string) => i.tDynamic(`referral.section.${code}`, code);
export const sectionExplain = (i: T, code: string) => i.tDynamic(`referral.section.${code}.explain`, '');
export const statusLabel = (i: T, code: string) => i.tDynamic(`referral.status.${code}`, code);
export const outcomeLabel = (i: T, code: string) => i.tDynamic(`referral.outcome.${code}`, code);
export const consentFormLabel = (i: T, code: string) => i.tDynamic(`ledger.form.${code}`, code);
export const deliveryLabel = (i: T, code: string) => i.tDynamic(`referral.delivery.${code}`, code);
export const stepLabel = (i: T, code: string) => i.tDynamic(`referral.step.${code}`, code);

/** The basis's title in the user's language, as the server's table words it. */
export function basisTitle(i: T, b: Pick<BasisRule, 'code' | 'title_sv' | 'title_en'>): string {
  const title = i.lang === 'en' ? b.title_en : b.title_sv;
  return title || i.tDynamic(`referral.basis.${b.code}`, b.code);
}

/** The provision the basis rests on, as the law is cited in the user's language. */
export function basisReference(i: T, b: Pick<BasisRule, 'legal_reference_sv' | 'legal_reference_en'>): string {
  return i.lang === 'en' ? b.legal_reference_en : b.legal_reference_sv;
}

/** The badge class of a status: awaiting an answer stands out, ended ones are muted. */
export function statusClass(status: string): string {
  if (status === 'sent') return 'badge badge--unread';
  if (status === 'accepted' || status === 'completed') return 'badge badge--active';
  return 'badge badge--inactive';
}

/** The sections as a comma-separated list of their names. */
export function sectionList(i: T, codes: readonly string[]): string {
  return codes.map((c) => sectionLabel(i, c)).join(', ');
}
