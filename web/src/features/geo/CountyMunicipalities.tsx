// The municipalities of one county, with population, loaded from /api/v1/geo/counties/{code}.
import { useCallback } from 'react';
import { geoApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';

export function CountyMunicipalities({ code }: { code: string }) {
  const { t, formatNumber } = useI18n();
  const load = useCallback((signal: AbortSignal) => geoApi.county(code, signal), [code]);
  const { data: county, error, reload } = useApi(load);

  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!county) return <Loading />;
  return (
    <section className="county-detail" aria-labelledby="county-detail-title">
      <h2 id="county-detail-title">{t('geo.municipalitiesIn', { county: county.name })}</h2>
      <p role="status">{t('geo.municipalityCount', { count: county.municipalities.length, county: county.name })}</p>
      <table className="data-table">
        <caption className="visually-hidden">{t('geo.municipalitiesIn', { county: county.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('geo.col.municipality')}</th>
            <th scope="col">{t('geo.col.code')}</th>
            <th scope="col" className="num">{t('geo.col.population')}</th>
          </tr>
        </thead>
        <tbody>
          {county.municipalities.map((m) => (
            <tr key={m.code}>
              <th scope="row">{m.name}</th>
              <td>{m.code}</td>
              <td className="num">
                {m.population ? formatNumber(m.population.count) : t('geo.noData')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
