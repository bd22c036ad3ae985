// Case types and statuses in the user's language, with the one-sentence explanation of each type.
import type { I18n } from '../../i18n/context';

export function caseTypeLabel(i: Pick<I18n, 'tDynamic'>, type: string): string {
  return i.tDynamic(`caseType.${type}`, type);
}

/** One plain sentence on when to choose the type, for someone who has never kept such a case. */
export function caseTypeExplanation(i: Pick<I18n, 'tDynamic'>, type: string): string {
  return i.tDynamic(`caseType.${type}.explain`, '');
}

export function caseStatusLabel(i: Pick<I18n, 'tDynamic'>, status: string): string {
  return i.tDynamic(`caseStatus.${status}`, status);
}
