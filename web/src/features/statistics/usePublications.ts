// The published years (GET /statistics/publications) and the year the page is about: `?year=` when it
// is published, else the latest published year; null while loading or when nothing is published.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/useApi';
import { useGeoReference, type GeoLookup } from '../geo/useGeoReference';
import { statisticsApi } from './statisticsApi';
import type { Publication } from './statisticsTypes';

const loadPublications = (signal: AbortSignal) => statisticsApi.publications(signal);

/** Published years, newest first. */
export function publishedYears(items: readonly Publication[]): number[] {
  return [...new Set(items.map((p) => p.year))].sort((a, b) => b - a);
}

/** `wanted` when it is published, else the newest published year, else null. */
export function chooseYear(years: readonly number[], wanted: string | null): number | null {
  const n = wanted ? Number(wanted) : NaN;
  if (Number.isInteger(n) && years.includes(n)) return n;
  return years[0] ?? null;
}

export function usePublications() {
  const state = useApi(loadPublications);
  const [params, setParams] = useSearchParams();
  const items = state.data?.items ?? [];
  const years = publishedYears(items);
  const year = chooseYear(years, params.get('year'));
  const setParam = useCallback(
    (name: string, value: string) => {
      setParams((p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      }, { replace: true, preventScrollReset: true });
    },
    [setParams],
  );
  return { ...state, items, years, year, params, setParam };
}

/** Police regions and counties by code for row labels; undefined until loaded (keys show meanwhile). */
export function usePlaces(): GeoLookup | undefined {
  return useGeoReference().geo;
}

/** The regional coordinators' series: the national headline, as in Sweden's annual figures. */
export const HEADLINE_SERIES = 'regional_coordinator';

const loadCatalogue = (signal: AbortSignal) => statisticsApi.catalogue(signal);

/** The catalogue of predefined tables, the series and the disclosure policy. */
export function useCatalogue() {
  const state = useApi(loadCatalogue);
  const options = state.data ? (state.data.series.length ? state.data.series : [HEADLINE_SERIES]) : null;
  return { ...state, seriesOptions: options };
}

/**
 * `wanted` when it is a series of the catalogue (or the catalogue is not loaded yet: null), else the
 * headline series, or the first there is.
 */
export function chooseSeries(options: readonly string[] | null, wanted: string | null): string {
  if (wanted && (!options || options.includes(wanted))) return wanted;
  if (!options) return HEADLINE_SERIES;
  return options.includes(HEADLINE_SERIES) ? HEADLINE_SERIES : (options[0] ?? HEADLINE_SERIES);
}
