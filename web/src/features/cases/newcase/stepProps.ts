// What every step of the guide gets from the guide: the draft and a way to change it, the messages
// of the problems found for a field, today's Swedish date, and what already exists on the server.
import type { GuideDraft } from './draft';
import type { Progress } from './submit';

export interface StepProps {
  draft: GuideDraft;
  set: (patch: Partial<GuideDraft>) => void;
  errorsFor: (field: string) => string[] | undefined;
  today: string;
  /** The child track applies to the person as typed. */
  child: boolean;
  progress: Progress;
}
