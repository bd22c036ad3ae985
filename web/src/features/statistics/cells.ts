// How a published cell reads: ".." hidden by disclosure control, "–" not known, a number otherwise
// (0 = known to be none). Hidden cells never say why, nor how small they are. Pure.
import type { Lang } from '../../i18n/translate';
import type { Cell, Rate } from './statisticsTypes';

export const SUPPRESSED_MARK = '..';
export const UNKNOWN_MARK = '–';

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}/${decimals}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(key, f);
  }
  return f;
}

/** The value to draw or compute with; null for a hidden or unknown cell (never a guess). */
export function cellValue(cell: Cell | undefined): number | null {
  return cell?.status === 'shown' ? cell.value : null;
}

/** A count as shown in tables and CSV: "..", "–" or the number in the language's digits. */
export function formatCell(cell: Cell | undefined, lang: Lang): string {
  if (!cell || cell.status === 'unknown') return UNKNOWN_MARK;
  if (cell.status === 'suppressed') return SUPPRESSED_MARK;
  return numberFormat(lang, 0).format(cell.value);
}

/** A rate (two decimals, per 100,000) or a share in percent (one decimal), marked as counts are. */
export function formatRate(rate: Rate | undefined, lang: Lang, kind: 'rate' | 'share'): string {
  if (!rate || rate.status === 'unknown') return UNKNOWN_MARK;
  if (rate.status === 'suppressed') return SUPPRESSED_MARK;
  const text = numberFormat(lang, kind === 'rate' ? 2 : 1).format(rate.value);
  return kind === 'share' ? `${text} %` : text;
}

/** An exact own figure (not for publication): a number, or "–" when not known. */
export function formatOwn(value: number | null | undefined, lang: Lang): string {
  return value === null || value === undefined ? UNKNOWN_MARK : numberFormat(lang, 0).format(value);
}

/** The class a cell's table data gets, so the marks can be styled and explained. */
export function cellClass(cell: Cell | undefined): string {
  if (!cell || cell.status === 'unknown') return 'num cell--unknown';
  if (cell.status === 'suppressed') return 'num cell--suppressed';
  return cell.value === 0 ? 'num cell--zero' : 'num';
}
