// Rules over a person's facts that the case page's parts share. Whether a person may be a child (under
// 18), for the child track and the person form: in doubt a person is treated as a child, so an unknown
// birth date counts as "may be". Whether a person is a Swedish citizen (the residence-permit question
// then does not apply). Pure.
import type { CasePerson, Citizenship } from '../../api/caseTypes';
import type { PersonDraft } from './AddPersonForm';

type ChildFacts = Pick<CasePerson, 'role' | 'claimed_minor' | 'date_of_birth'>;

/** A child, or one who says or is estimated to be one, or whose age nobody knows. */
export function mayBeChild(p: ChildFacts, thisYear = new Date().getFullYear()): boolean {
  if (p.role === 'accompanying_child' || p.claimed_minor) return true;
  const dob = p.date_of_birth;
  if (!dob) return true;
  if ('age_min' in dob) return dob.age_min < 18;
  const year = Number(dob.date.slice(0, 4));
  return thisYear - year <= 18;
}

const YEAR = /^[0-9]{4}/;

/** The same rule over a person form's draft while it is typed (a half-typed date counts as unknown). */
export function draftMayBeChild(d: PersonDraft, thisYear = new Date().getFullYear()): boolean {
  const min = d.ageMin.trim();
  const date_of_birth = d.dobMode === 'date' && YEAR.test(d.dob.trim()) ? { date: d.dob.trim() }
    : d.dobMode === 'estimate' && min !== '' && Number.isFinite(Number(min))
      ? { age_min: Number(min), age_max: Number(d.ageMax), estimated_on: '' } : null;
  return mayBeChild({ role: d.role, claimed_minor: d.claimedMinor, date_of_birth }, thisYear);
}

/** Sweden is among the citizenships: a residence permit is neither needed nor recorded. */
export const swedishCitizen = (cz: Citizenship) => (cz.countries ?? []).includes('SE');

/** The same over a person form's draft: only the countries of a known citizenship count. */
export const draftSwedishCitizen = (d: Pick<PersonDraft, 'citizenship' | 'countries'>) =>
  d.citizenship === 'known' && d.countries.includes('SE');
