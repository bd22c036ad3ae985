// The key to the marks in every statistics table and chart: ".." hidden to protect persons, "–" not
// known, "0" none. It names the threshold but never which hidden cells are small: a cell may be hidden
// because it is small or so that another cannot be worked out from the totals.
import { useI18n } from '../../i18n/context';
import { SUPPRESSED_MARK, UNKNOWN_MARK } from './cells';
import type { DisclosurePolicy } from './statisticsTypes';

export function CellLegend({ policy }: { policy: DisclosurePolicy | undefined }) {
  const { t, formatNumber } = useI18n();
  return (
    <div className="stats-legend">
      <p className="stats-legend-title">{t('stats.legend.title')}</p>
      <dl>
        <div>
          <dt>{SUPPRESSED_MARK}</dt>
          <dd>{policy ? t('stats.legend.suppressed', { threshold: formatNumber(policy.threshold) }) : t('stats.legend.suppressedNoPolicy')}</dd>
        </div>
        <div>
          <dt>{UNKNOWN_MARK}</dt>
          <dd>{t('stats.legend.unknown')}</dd>
        </div>
        <div>
          <dt>0</dt>
          <dd>{t('stats.legend.zero')}</dd>
        </div>
      </dl>
      {policy && policy.rounding_base > 1 ? (
        <p className="muted">{t('stats.legend.rounded', { base: formatNumber(policy.rounding_base) })}</p>
      ) : null}
    </div>
  );
}
