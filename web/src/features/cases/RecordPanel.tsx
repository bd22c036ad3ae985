// What the person-record panels share: their props and the line that says when the current version
// of a record was saved.
import type { CasePerson } from '../../api/caseTypes';
import { useI18n } from '../../i18n/context';

export interface PanelProps {
  caseId: string;
  person: CasePerson;
  stamp: number;
  editable: boolean;
  onChanged: (message: string) => void;
}

/** "Saved 3 March 2026 10:12" for the current version of a record kept once, or "Not recorded yet". */
export function SavedLine({ at }: { at: string | undefined }) {
  const { t, formatDateTime } = useI18n();
  return <p className="muted">{at ? t('records.savedAt', { time: formatDateTime(at) }) : t('records.notYet')}</p>;
}
