// How a case's person reads in the user's language: role, date of birth or estimated age, citizenship,
// residence permit.
import type { CasePerson, Citizenship, DateOfBirth, ResidencePermit } from '../../api/caseTypes';
import type { Country } from '../../api/types';
import type { I18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/sv';
import { swedishCitizen } from './personRules';

export function personRoleLabel(i: Pick<I18n, 'tDynamic'>, role: string): string {
  return i.tDynamic(`personRole.${role}`, role);
}

/** One plain sentence on who has the role. */
export function personRoleExplanation(i: Pick<I18n, 'tDynamic'>, role: string): string {
  return i.tDynamic(`personRole.${role}.explain`, '');
}

/** "1990-04", or "about 25–30 years (estimated 2026-11-20)"; '' when none is recorded. */
export function dateOfBirthText(i: Pick<I18n, 't'>, dob: DateOfBirth | null): string {
  if (!dob) return '';
  if ('date' in dob) return dob.date;
  return i.t('person.age.estimated', { min: dob.age_min, max: dob.age_max, on: dob.estimated_on });
}

export function countryName(c: Country, lang: string): string {
  return lang === 'en' ? c.name_en : c.name_sv;
}

/** Country names (from `countries`, else the code), or "stateless" / "unknown" in words. */
export function citizenshipText(i: Pick<I18n, 't' | 'tDynamic' | 'lang'>, cz: Citizenship, countries: readonly Country[]): string {
  if (cz.status === 'known' || (cz.countries?.length ?? 0) > 0) {
    return (cz.countries ?? []).map((code) => {
      const c = countries.find((x) => x.alpha2 === code);
      return c ? countryName(c, i.lang) : code;
    }).join(', ');
  }
  return cz.status ? i.tDynamic(`citizenship.${cz.status}`, cz.status) : '';
}

const PERMIT_STATUS: Record<Exclude<ResidencePermit, 'unknown'>, MessageKey> = {
  none: 'person.permit.status.none', has_permit: 'person.permit.status.has_permit',
};

/** "Residence permit: none"; '' when not known, or for a Swedish citizen (whom it does not concern). */
export function residencePermitText(i: Pick<I18n, 't'>, p: Pick<CasePerson, 'residence_permit' | 'citizenship'>): string {
  if (p.residence_permit === 'unknown' || swedishCitizen(p.citizenship)) return '';
  return i.t('person.permit.view', { status: i.t(PERMIT_STATUS[p.residence_permit]) });
}
