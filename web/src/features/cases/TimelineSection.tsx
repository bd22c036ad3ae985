// The case's timeline: every change kept on the case (the server leaves out sections the reader may
// not see), with who made it and when, what kind of change in plain words and its details; newest or
// oldest first. The log holds ids and words, never free text, so nothing here needs opening.
import { useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { trackApi } from './caseWorkApi';
import type { TimelineEntry } from './caseWorkTypes';
import { useCaseData } from './useCaseWork';
import { detailText, sectionLabel, timelineKindLabel } from './workLabels';

/** The server's largest page: a case with more changes shows the first ones and says so. */
const TIMELINE_LIMIT = 500;

const loadTimeline = (caseId: string, signal: AbortSignal) => trackApi.timeline(caseId, TIMELINE_LIMIT, 0, signal);

export function TimelineSection({ caseId, stamp }: { caseId: string; stamp: number }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const { data, error, reload } = useCaseData(loadTimeline, caseId, stamp);
  const [newestFirst, setNewestFirst] = useState(true);
  const rows = data ? (newestFirst ? [...data.items].reverse() : data.items) : [];

  const columns: Column<TimelineEntry>[] = [
    { id: 'when', header: t('timeline.field.when'), cell: (e) => formatDateTime(e.recorded_at) },
    { id: 'what', header: t('timeline.field.what'), cell: (e) => timelineKindLabel(i18n, e.kind) },
    {
      id: 'details',
      header: t('timeline.field.details'),
      cell: (e) => (
        <ul className="plain-list">
          {Object.entries(e.details).map(([k, v]) => <li key={k}>{detailText(i18n, k, v)}</li>)}
        </ul>
      ),
    },
    { id: 'section', header: t('timeline.field.section'), cell: (e) => sectionLabel(i18n, e.section) },
    { id: 'who', header: t('timeline.field.who'), cell: (e) => e.recorded_by_name || t('timeline.unknownUser') },
  ];

  return (
    <section className="form-section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <p>{t('timeline.intro')}</p>
      <fieldset className="filter-choice">
        <legend>{t('timeline.order')}</legend>
        {([true, false] as const).map((newest) => (
          <label key={String(newest)} className="radio-inline">
            <input type="radio" name="timeline-order" checked={newestFirst === newest}
              onChange={() => { setNewestFirst(newest); }} />
            {t(newest ? 'timeline.newestFirst' : 'timeline.oldestFirst')}
          </label>
        ))}
      </fieldset>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && data.items.length === 0 ? <p>{t('timeline.none')}</p> : null}
      {data && data.total > data.items.length ? <p className="muted">{t('timeline.more', { shown: data.items.length, total: data.total })}</p> : null}
      {rows.length ? (
        <DataTable caption={t('timeline.caption')} labelledBy="timeline-title" columns={columns} rows={rows}
          rowKey={(e) => e.id} compact />
      ) : null}
    </section>
  );
}
