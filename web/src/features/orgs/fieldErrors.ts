// Maps the server's error paths (e.g. "contact.email", "coverage.codes[0]") to the form's fields.
import type { FieldProblem } from '../../api/types';

export type CapacityPart = 'gender' | 'age_group' | 'places';

/** A field (or group of inputs) of the organisation form that can show an error. */
export type OrgFieldKey =
  | 'name'
  | 'kind'
  | 'active'
  | 'contact.phone'
  | 'contact.email'
  | 'contact.website'
  | 'contact.postal_address'
  | 'coverage.scope'
  | 'coverage.codes'
  | 'services'
  | 'languages'
  | 'capacity'
  | `capacity.${number}`
  | `capacity.${number}.${CapacityPart}`
  | 'occupancy.occupied'
  | 'occupancy.reported_on'
  | 'protected_address';

const SAME_NAME: ReadonlySet<string> = new Set([
  'name', 'kind', 'active', 'protected_address', 'contact.phone', 'contact.email', 'contact.website',
  'contact.postal_address', 'coverage.scope', 'occupancy.occupied', 'occupancy.reported_on',
]);

/** The form field for a server error path, or null when no single field matches (summary only). */
export function fieldKeyFor(path: string): OrgFieldKey | null {
  if (SAME_NAME.has(path)) return path as OrgFieldKey;
  if (path === 'coverage') return 'coverage.scope';
  if (/^coverage\.codes(\[\d+\])?$/.test(path)) return 'coverage.codes';
  if (/^services(\[\d+\])?$/.test(path)) return 'services';
  if (/^languages(\[\d+\])?$/.test(path)) return 'languages';
  if (path === 'occupancy') return 'occupancy.occupied';
  if (path === 'capacity') return 'capacity';
  const row = /^capacity\[(\d+)\](?:\.(gender|age_group|places))?$/.exec(path);
  if (row) {
    const index = Number(row[1]);
    const part = row[2] as CapacityPart | undefined;
    return part ? `capacity.${index}.${part}` : `capacity.${index}`;
  }
  return null;
}

/** A server path without indexes, for message look-ups: "capacity[2].places" → "capacity.places". */
export function genericPath(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

export interface GroupedErrors {
  byField: Map<OrgFieldKey, FieldProblem[]>;
  /** Problems that name no field of the form; they appear in the summary only. */
  unmatched: FieldProblem[];
}

export function groupFieldErrors(errors: readonly FieldProblem[]): GroupedErrors {
  const byField = new Map<OrgFieldKey, FieldProblem[]>();
  const unmatched: FieldProblem[] = [];
  for (const e of errors) {
    const key = fieldKeyFor(e.field);
    if (key === null) {
      unmatched.push(e);
      continue;
    }
    const list = byField.get(key) ?? [];
    list.push(e);
    byField.set(key, list);
  }
  return { byField, unmatched };
}

/** The DOM id of the input (or group) that shows a field: "contact.email" → "org-contact-email". */
export function fieldDomId(key: OrgFieldKey): string {
  return `org-${key.replace(/[._]/g, '-')}`;
}

export function errorDomId(key: OrgFieldKey): string {
  return `${fieldDomId(key)}-error`;
}
