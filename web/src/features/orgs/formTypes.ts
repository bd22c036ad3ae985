// What every section of the organisation form receives from the form.
import type { OrgFieldKey } from './fieldErrors';
import type { OrgFormState } from './formModel';

export interface SectionProps {
  state: OrgFormState;
  update: (patch: Partial<OrgFormState>) => void;
  /** Messages for a field, in the user's language; undefined when the field is fine. */
  errorsFor: (key: OrgFieldKey) => string[] | undefined;
}
