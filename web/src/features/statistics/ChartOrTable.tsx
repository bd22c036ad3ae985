// Every chart has a data-table view: two toggle buttons (aria-pressed) choose which one shows; the
// chart shows first and the table, with the same figures, is one keypress away.
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/context';

export function ChartOrTable({ label, chart, table }: { label: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <div className="chart-or-table">
      <div className="view-toggle" role="group" aria-label={t('stats.view.label', { what: label })}>
        <button type="button" className="button button--secondary" aria-pressed={view === 'chart'}
          onClick={() => { setView('chart'); }}>
          {t('stats.view.chart')}
        </button>
        <button type="button" className="button button--secondary" aria-pressed={view === 'table'}
          onClick={() => { setView('table'); }}>
          {t('stats.view.table')}
        </button>
      </div>
      {view === 'chart' ? <div className="chart-view">{chart}</div> : <div className="table-view">{table}</div>}
    </div>
  );
}
