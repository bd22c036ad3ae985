// Exact figures of the user's own organisation (GET /statistics/own for a regional coordinator's cases,
// /statistics/hotline/own for the hotline's consultations): marked "Ej för publicering / Not for
// publication" in both languages, offered with no download, and left out of print. They never pass
// disclosure control, so they stay inside the product.
import { useCallback, useId, useState, type SubmitEvent } from 'react';
import { useApi } from '../../api/useApi';
import { Loading } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { dimensionLabel, type Places } from './labels';
import { OwnTable } from './OwnTable';
import { ProblemList } from './ProblemList';
import { statisticsApi } from './statisticsApi';
import type { OwnFigures, OwnQuery } from './statisticsTypes';

/** The breakdowns of the hotline's own figures (docs/design/statistics-api.md). */
export const HOTLINE_BREAKDOWNS = ['week', 'month', 'channel', 'topic', 'professional', 'police_region', 'county', 'referred'] as const;

/** The own cases' breakdowns offered when the catalogue names none. */
export const CASE_DIMENSIONS = ['month', 'quarter', 'police_region', 'county', 'case_type', 'form', 'gender', 'age_group', 'citizenship_group', 'outcome'] as const;

/** The first of January of `today`'s year, and `today` (YYYY-MM-DD). */
export function thisYearSoFar(today: Date): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  return { from: `${to.slice(0, 4)}-01-01`, to };
}

interface Props {
  kind: 'cases' | 'hotline';
  dimensions?: readonly string[];
  places?: Places;
}

export function OwnFiguresPanel({ kind, dimensions, places }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const dims = dimensions?.length ? dimensions : kind === 'hotline' ? HOTLINE_BREAKDOWNS : CASE_DIMENSIONS;
  const [form, setForm] = useState<OwnQuery>(() => ({
    ...thisYearSoFar(new Date()),
    rows: kind === 'cases' ? 'month' : undefined,
    columns: kind === 'cases' ? 'case_type' : undefined,
    by: kind === 'hotline' ? 'month' : undefined,
  }));
  const [query, setQuery] = useState<OwnQuery | null>(null);
  const load = useCallback(
    (signal: AbortSignal): Promise<OwnFigures | null> => {
      if (!query) return Promise.resolve(null);
      return kind === 'hotline' ? statisticsApi.hotlineOwn(query, signal) : statisticsApi.own(query, signal);
    },
    [kind, query],
  );
  const own = useApi(load);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setQuery({ ...form });
  };
  const select = (name: 'rows' | 'columns' | 'by', label: string) => (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} value={form[name] ?? ''} onChange={(e) => { setForm({ ...form, [name]: e.target.value }); }}>
        {dims.map((d) => <option key={d} value={d}>{dimensionLabel(i18n, d)}</option>)}
      </select>
    </div>
  );
  const date = (name: 'from' | 'to', label: string) => (
    <div className="field field--narrow-date">
      <label className="field-label" htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} type="date" required value={form[name]}
        onChange={(e) => { setForm({ ...form, [name]: e.target.value }); }} />
    </div>
  );
  const title = kind === 'hotline' ? t('stats.own.hotlineTitle') : t('stats.own.casesTitle');
  return (
    <section className="not-for-publication" aria-labelledby={`${id}-title`}>
      <p className="nfp-mark">
        <span lang="sv">Ej för publicering</span> / <span lang="en">Not for publication</span>
      </p>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{t('stats.own.intro')}</p>
      <form className="stats-choice" onSubmit={submit} aria-label={title}>
        {kind === 'hotline' ? select('by', t('stats.own.by')) : (
          <>
            {select('rows', t('stats.own.rows'))}
            {select('columns', t('stats.own.columns'))}
          </>
        )}
        {date('from', t('stats.own.from'))}
        {date('to', t('stats.own.to'))}
        <div className="form-actions">
          <button type="submit" className="button">{t('stats.own.show')}</button>
        </div>
      </form>
      {own.error ? <ProblemList error={own.error} scope="stats.own" title={t('stats.own.problem')} /> : null}
      {query && own.loading && !own.error ? <Loading /> : null}
      {own.data ? <OwnTable figures={own.data} caption={title} places={places} /> : null}
    </section>
  );
}
