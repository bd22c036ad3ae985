// The county map shaded by presumed victims per 100,000 inhabitants: five shades of equal width, a
// hidden rate hatched and an unknown one grey, each explained in the legend. One image to assistive
// technology, named with every county's rate; the table view beside it holds the same figures.
import { useMemo } from 'react';
import type { CountyFeatureProperties, FeatureCollection } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { boundsOf, fitToWidth, pathFor } from '../geo/projection';
import { spokenValue } from './BarChart';
import { formatRate } from './cells';
import { colourScale, mapClassName, SHADES, type ColourScale } from './colourScale';
import { HatchPattern } from './HatchPattern';
import type { Rate } from './statisticsTypes';
import { useSvgId } from './svgIds';

const MAP_WIDTH = 360;
const MAP_PADDING = 4;

interface Props {
  map: FeatureCollection<CountyFeatureProperties>;
  rates: ReadonlyMap<string, Rate>;
  title: string;
}

export function RateMap({ map, rates, title }: Props) {
  const { t, lang } = useI18n();
  const hatch = useSvgId('map-hatch');
  const scale = useMemo(() => colourScale([...rates.values()]), [rates]);
  const drawn = useMemo(() => {
    const fit = fitToWidth(boundsOf(map.features.map((f) => f.geometry)), MAP_WIDTH, MAP_PADDING);
    const counties = map.features
      .map((f) => ({ code: f.properties.code, name: f.properties.name, d: pathFor(f.geometry, fit) }))
      .sort((a, b) => a.code.localeCompare(b.code));
    return { height: Math.ceil(fit.height), counties };
  }, [map]);
  const spoken = drawn.counties.map((c) => `${c.name}: ${spokenValue(rates.get(c.code), lang, t, true)}`).join('; ');
  return (
    <div className="rate-map">
      <svg className="county-map" viewBox={`0 0 ${MAP_WIDTH} ${drawn.height}`} role="img"
        aria-label={t('stats.map.summary', { title, values: spoken })} data-testid="rate-map">
        <defs>
          <HatchPattern id={hatch} />
        </defs>
        {drawn.counties.map((c) => {
          const cls = scale.classify(rates.get(c.code));
          return (
            <path key={c.code} d={c.d} data-code={c.code} className={`stat-county ${mapClassName(cls)}`}
              fill={cls.kind === 'suppressed' ? `url(#${hatch})` : undefined} />
          );
        })}
      </svg>
      <MapLegend scale={scale} hatch={hatch} />
    </div>
  );
}

/** One swatch per shade with its range, then hatched (hidden) and grey (not known). */
export function MapLegend({ scale, hatch }: { scale: ColourScale; hatch: string }) {
  const { t, lang } = useI18n();
  const fmt = (n: number) => formatRate({ status: 'shown', value: n }, lang, 'rate');
  const swatch = (cls: string, fill?: string) => (
    <svg className="swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect className={cls} fill={fill} x="1" y="1" width="14" height="14" />
    </svg>
  );
  return (
    <div className="legend">
      <p className="stats-legend-title">{t('stats.map.legend')}</p>
      <ul className="plain-list">
        {Array.from({ length: SHADES }, (_, k) => (
          <li key={k}>
            {swatch(`stat-swatch shade-${k}`)}
            {t('stats.map.range', { from: fmt(k === 0 ? 0 : (scale.bounds[k - 1] ?? 0)), to: fmt(scale.bounds[k] ?? 0) })}
          </li>
        ))}
        <li>{swatch('stat-swatch shade-suppressed', `url(#${hatch})`)}{t('stats.map.suppressed')}</li>
        <li>{swatch('stat-swatch shade-unknown')}{t('stats.map.unknown')}</li>
      </ul>
    </div>
  );
}
