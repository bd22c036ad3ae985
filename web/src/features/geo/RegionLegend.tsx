// The key to the map's colours: one swatch per police region.
import type { PoliceRegion } from '../../api/types';
import { useI18n } from '../../i18n/context';

export function regionLabel(region: PoliceRegion, lang: string): string {
  return lang === 'en' ? region.name_en : region.name;
}

export function RegionLegend({ regions }: { regions: readonly PoliceRegion[] }) {
  const { t, lang } = useI18n();
  return (
    <div className="legend">
      <h3 id="legend-title">{t('geo.legend')}</h3>
      <ul aria-labelledby="legend-title">
        {regions.map((r) => (
          <li key={r.id}>
            <svg className="swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect className={`region-${r.id}`} x="1" y="1" width="14" height="14" />
            </svg>
            {regionLabel(r, lang)}
          </li>
        ))}
      </ul>
    </div>
  );
}
