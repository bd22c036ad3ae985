// The SVG map of the counties: each county is a button coloured by its police region.
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { CountyFeatureProperties, FeatureCollection } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { boundsOf, fitToWidth, pathFor } from './projection';

const MAP_WIDTH = 400;
const MAP_PADDING = 4;

interface Props {
  map: FeatureCollection<CountyFeatureProperties>;
  selected: string | null;
  onSelect: (code: string) => void;
  regionName: (id: string) => string;
}

export function CountyMap({ map, selected, onSelect, regionName }: Props) {
  const { t } = useI18n();
  const [focused, setFocused] = useState<string | null>(null);
  const drawn = useMemo(() => {
    const fit = fitToWidth(boundsOf(map.features.map((f) => f.geometry)), MAP_WIDTH, MAP_PADDING);
    const counties = map.features
      .map((f) => ({ ...f.properties, d: pathFor(f.geometry, fit) }))
      .sort((a, b) => a.code.localeCompare(b.code));
    return { width: fit.width, height: Math.ceil(fit.height), counties };
  }, [map]);

  const pathOf = (code: string | null) => drawn.counties.find((c) => c.code === code)?.d;
  const selectedPath = pathOf(selected);
  const focusedPath = pathOf(focused);

  const onKey = (code: string) => (e: KeyboardEvent<SVGPathElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(code);
    }
  };

  return (
    <svg
      className="county-map"
      viewBox={`0 0 ${drawn.width} ${drawn.height}`}
      role="group"
      aria-label={t('geo.mapLabel')}
      data-testid="county-map"
    >
      {drawn.counties.map((c) => {
        const label = `${c.name}, ${regionName(c.police_region)}`;
        return (
          <path
            key={c.code}
            d={c.d}
            role="button"
            tabIndex={0}
            aria-label={label}
            aria-pressed={selected === c.code}
            data-code={c.code}
            className={`county region-${c.police_region}${selected === c.code ? ' is-selected' : ''}`}
            onClick={() => {
              onSelect(c.code);
            }}
            onKeyDown={onKey(c.code)}
            onFocus={() => {
              setFocused(c.code);
            }}
            onBlur={() => {
              setFocused(null);
            }}
          >
            <title>{label}</title>
          </path>
        );
      })}
      {/* Outlines drawn last so neighbouring counties cannot hide them. */}
      <g aria-hidden="true">
        {selectedPath ? <path className="county-outline county-outline--selected" d={selectedPath} /> : null}
        {focusedPath ? <path className="county-outline county-outline--focus" d={focusedPath} /> : null}
        {focusedPath ? <path className="county-outline county-outline--focus-inner" d={focusedPath} /> : null}
      </g>
    </svg>
  );
}
