// A table cell's text: the number, or the mark (".." / "–") with its meaning for screen readers.
import { useI18n } from '../../i18n/context';
import { SUPPRESSED_MARK, UNKNOWN_MARK } from './cells';

export function MarkedValue({ text }: { text: string }) {
  const { t } = useI18n();
  if (text === SUPPRESSED_MARK || text === UNKNOWN_MARK) {
    return (
      <>
        <span aria-hidden="true">{text}</span>
        <span className="visually-hidden">
          {text === SUPPRESSED_MARK ? t('stats.cell.suppressedWord') : t('stats.cell.unknownWord')}
        </span>
      </>
    );
  }
  return <>{text}</>;
}
