// The choice of what to show: a published year and, where the page has them, the series (whose
// organisations' records are counted) and the area (the country, a police region or a county). Each
// change updates the page's address at once, so a choice can be bookmarked and shared.
import { useId } from 'react';
import { useGeoReference } from '../geo/useGeoReference';
import { useI18n } from '../../i18n/context';
import { areaLabel, seriesLabel } from './labels';

interface Props {
  years: readonly number[];
  year: number;
  onChange: (param: 'year' | 'series' | 'area', value: string) => void;
  series?: { options: readonly string[]; value: string };
  area?: string;
}

export function StatsChoice({ years, year, onChange, series, area }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const { geo } = useGeoReference();
  return (
    <form className="stats-choice" aria-label={t('stats.choice.label')} onSubmit={(e) => { e.preventDefault(); }}>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-year`}>{t('stats.choice.year')}</label>
        <select id={`${id}-year`} value={year} onChange={(e) => { onChange('year', e.target.value); }}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      {series ? (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-series`}>{t('stats.choice.series')}</label>
          <select id={`${id}-series`} aria-describedby={`${id}-series-hint`} value={series.value}
            onChange={(e) => { onChange('series', e.target.value); }}>
            {series.options.map((s) => <option key={s} value={s}>{seriesLabel(i18n, s)}</option>)}
          </select>
          <p className="field-hint" id={`${id}-series-hint`}>{t('stats.choice.seriesNote')}</p>
        </div>
      ) : null}
      {area !== undefined ? (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-area`}>{t('stats.choice.area')}</label>
          <select id={`${id}-area`} value={area} onChange={(e) => { onChange('area', e.target.value); }}>
            <option value="">{areaLabel(i18n, '')}</option>
            <optgroup label={t('stats.dim.police_region')}>
              {(geo?.regions ?? []).map((r) => (
                <option key={r.id} value={`police_region/${r.id}`}>{areaLabel(i18n, `police_region/${r.id}`, geo)}</option>
              ))}
            </optgroup>
            <optgroup label={t('stats.dim.county')}>
              {(geo?.counties ?? []).map((c) => <option key={c.code} value={`county/${c.code}`}>{c.name}</option>)}
            </optgroup>
          </select>
        </div>
      ) : null}
    </form>
  );
}
