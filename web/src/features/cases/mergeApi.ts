// Merging two records of the same person in a case (POST …/persons/{id}/merge) and the merge fields
// a person read carries. Kept beside the merge form so the shared API types stay as they are.
import type { CasePerson } from '../../api/caseTypes';
import { apiFetch } from '../../api/client';

/** A person as read, with the merge history the server adds. */
export interface MergeablePerson extends CasePerson {
  /** The record this one was merged into (then read-only). */
  merged_into?: string | null;
  /** The records of this case merged into this one. */
  merged_from?: string[];
}

export interface PersonMergeInput {
  duplicate_person_id: string;
  /** The versions both records were read at: a stale one is answered 409. */
  expected_version: number;
  duplicate_expected_version: number;
}

const personPath = (caseId: string, personId: string) =>
  `/api/v1/cases/${encodeURIComponent(caseId)}/persons/${encodeURIComponent(personId)}`;

export const mergePersons = (caseId: string, keptId: string, input: PersonMergeInput) =>
  apiFetch<MergeablePerson>(`${personPath(caseId, keptId)}/merge`, { method: 'POST', body: input });

/** Whether `p` may take part in a merge at all: not merged already, not an assumed identity. */
export const mergeable = (p: MergeablePerson) => !p.merged_into && p.protection !== 'assumed_identity';

/** The other records of the case that may be merged into `kept`: same role, both mergeable. */
export function mergeCandidates(kept: MergeablePerson, persons: readonly MergeablePerson[]): MergeablePerson[] {
  if (!mergeable(kept)) return [];
  return persons.filter((p) => p.id !== kept.id && p.role === kept.role && mergeable(p));
}
