// /geography: the county map with its legend, the chosen county's municipalities, and a county table.
import { useSearchParams } from 'react-router';
import { geoApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { CountyMap } from './CountyMap';
import { CountyMunicipalities } from './CountyMunicipalities';
import { CountyTable } from './CountyTable';
import { RegionLegend, regionLabel } from './RegionLegend';
import { useGeoReference } from './useGeoReference';

const loadMap = (signal: AbortSignal) => geoApi.countyMap(signal);

export function GeographyPage() {
  const { t, lang } = useI18n();
  usePageTitle(t('geo.title'));
  const [params, setParams] = useSearchParams();
  const selected = params.get('county');
  const mapState = useApi(loadMap);
  const { geo, error: geoError, reload: reloadGeo } = useGeoReference();

  const regionName = (id: string) => {
    const r = geo?.region(id);
    return r ? regionLabel(r, lang) : id;
  };
  const select = (code: string) => {
    setParams({ county: code }, { replace: true, preventScrollReset: true });
  };

  return (
    <>
      <h1>{t('geo.title')}</h1>
      <p className="lead">{t('geo.intro')}</p>
      <div className="geo-layout">
        <section className="geo-map" aria-labelledby="geo-map-title">
          <h2 id="geo-map-title">{t('geo.mapTitle')}</h2>
          <p className="field-hint">{t('geo.mapHint')}</p>
          {mapState.error ? <ProblemAlert error={mapState.error} onRetry={mapState.reload} /> : null}
          {!mapState.error && !mapState.data ? <Loading /> : null}
          {mapState.data ? (
            <CountyMap map={mapState.data} selected={selected} onSelect={select} regionName={regionName} />
          ) : null}
          {geo ? <RegionLegend regions={geo.regions} /> : null}
        </section>
        <div className="geo-detail">
          {selected ? (
            <CountyMunicipalities code={selected} />
          ) : (
            <p className="muted">{t('geo.chooseCounty')}</p>
          )}
        </div>
      </div>
      <section aria-labelledby="geo-table-title">
        <h2 id="geo-table-title">{t('geo.tableTitle')}</h2>
        {geoError ? <ProblemAlert error={geoError} onRetry={reloadGeo} /> : null}
        {geo ? <CountyTable counties={geo.counties} regionName={regionName} /> : !geoError && <Loading />}
      </section>
    </>
  );
}
