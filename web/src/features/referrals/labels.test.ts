// Every code of referrals and consents is worded in both languages, and bases read in the user's language.
import { describe, expect, it } from 'vitest';
import {
  BASIS_CODES, CONSENT_FORMS, DELIVERIES, OUTCOMES, PURPOSES, REFERRAL_STATUSES, REFERRAL_STEPS, SECTIONS,
} from '../../api/referralTypes';
import { en } from '../../i18n/en';
import { keysMissingFrom } from '../../i18n/check';
import { sv } from '../../i18n/sv';
import { translateDynamic, type Lang } from '../../i18n/translate';
import { basisReference, basisTitle, purposeAim, sectionExplain, statusClass } from './labels';

const computed = [
  ...PURPOSES.flatMap((p) => [`referral.purpose.${p}`, `referral.purpose.${p}.aim`]),
  ...SECTIONS.flatMap((s) => [`referral.section.${s}`, `referral.section.${s}.explain`]),
  ...REFERRAL_STATUSES.map((s) => `referral.status.${s}`),
  ...OUTCOMES.map((o) => `referral.outcome.${o}`),
  ...BASIS_CODES.map((b) => `referral.basis.${b}`),
  ...CONSENT_FORMS.map((f) => `ledger.form.${f}`),
  ...DELIVERIES.map((d) => `referral.delivery.${d}`),
  ...REFERRAL_STEPS.map((s) => `referral.step.${s}`),
  ...['received', 'accepted', 'declined', 'withdrawn', 'completed', 'overdue'].map((k) => `notification.kind.referral_${k}`),
  'notification.kind.consent_revoked', 'subject.referral',
  'ledger.error.interpreter.relationship.interpreter_family_or_companion',
  'referral.error.basis.support_records_to_police_need_consent',
  'referral.error.recipient_organisation_id.recipient_inactive',
  'referral.error.consent_id.consent_revoked',
];

const i = (lang: Lang) => ({ lang, tDynamic: (k: string, f: string) => translateDynamic(lang, k) ?? f });

describe('referral wording', () => {
  it('words every code in Swedish and English', () => {
    expect(keysMissingFrom(computed, sv)).toEqual([]);
    expect(keysMissingFrom(computed, en)).toEqual([]);
  });

  it('reads a basis and a purpose in the user\'s language', () => {
    const b = { code: 'consent', title_sv: 'Personens samtycke', title_en: "The person's consent", legal_reference_sv: 'OSL 10:1', legal_reference_en: 'PAISA ch. 10 §1' };
    expect(basisTitle(i('sv'), b)).toBe('Personens samtycke');
    expect(basisTitle(i('en'), b)).toBe("The person's consent");
    expect(basisTitle(i('en'), { ...b, title_en: '' })).toBe("The person's consent");
    expect(basisReference(i('en'), b)).toBe('PAISA ch. 10 §1');
    expect(purposeAim(i('en'), 'shelter')).toBe('so that the person gets a place in a shelter');
    expect(sectionExplain(i('sv'), 'contact')).toBe('Telefonnummer, e-post och adress.');
    expect(statusClass('sent')).toContain('badge--unread');
    expect(statusClass('declined')).toContain('badge--inactive');
  });
});
