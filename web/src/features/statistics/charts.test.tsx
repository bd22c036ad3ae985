// The charts, the legend and the shaded map: what assistive technology hears, what is drawn for hidden
// and unknown values, and the map's projection into paths.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { CountyFeatureProperties, FeatureCollection } from '../../api/types';
import { I18nProvider } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/translate';
import { BarChart } from './BarChart';
import { CellLegend } from './CellLegend';
import { runsOf } from './LineChart';
import { PublishedTableView } from './PublishedTableView';
import { RateMap } from './RateMap';
import { BLANK, countyMap, HIDDEN, n, table } from './statisticsFixture';

const inLang = (ui: ReactNode, lang: Lang = 'sv') => render(<I18nProvider initialLang={lang}>{ui}</I18nProvider>);

describe('the legend', () => {
  it('explains the three marks and names the threshold, in Swedish and English', () => {
    inLang(<CellLegend policy={{ threshold: 11, rounding_base: 1 }} />);
    expect(screen.getByText('dold för att skydda personer (röjandekontroll, tröskel 11)')).toBeTruthy();
    expect(screen.getByText('uppgift saknas')).toBeTruthy();
    expect(screen.getByText('inga')).toBeTruthy();
    expect(screen.queryByText(/avrundade/)).toBeNull();
  });

  it('says when counts are rounded, and never that a hidden cell is small', () => {
    const { container } = inLang(<CellLegend policy={{ threshold: 5, rounding_base: 3 }} />, 'en');
    expect(screen.getByText('hidden to protect persons (disclosure control, threshold 5)')).toBeTruthy();
    expect(screen.getByText('Counts are rounded to the nearest 3.')).toBeTruthy();
    expect(container.textContent).not.toMatch(/fewer|less than|below|under|small/i);
  });
});

describe('the bar chart', () => {
  it('is one image named with every value in words, and draws no bar for a hidden or unknown value', () => {
    const { container } = inLang(
      <BarChart title="Offer" bars={[
        { key: 'a', label: 'Nord', cell: n(12) }, { key: 'b', label: 'Syd', cell: HIDDEN }, { key: 'c', label: 'Mitt', cell: BLANK },
        { key: 'd', label: 'Väst', cell: n(0) },
      ]} />, 'en');
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toBe('Bar chart, Offer. Nord: 12; Syd: hidden; Mitt: not known; Väst: 0');
    expect(container.querySelectorAll('rect.bar')).toHaveLength(1);
    expect([...container.querySelectorAll('text.chart-value')].map((t) => t.textContent)).toEqual(['12', '..', '–', '0']);
  });
});

describe('the line chart', () => {
  it('breaks the line at a hidden or unknown year', () => {
    expect(runsOf([1, 2, null, 4, null, null, 5, 6])).toEqual([
      [{ index: 0, value: 1 }, { index: 1, value: 2 }], [{ index: 3, value: 4 }], [{ index: 6, value: 5 }, { index: 7, value: 6 }],
    ]);
    expect(runsOf([null])).toEqual([]);
  });
});

describe('a published table', () => {
  it('toggles between the chart and the data table, which shows the marks with their meaning', async () => {
    inLang(<PublishedTableView table={table()} title="Offer" downloads={{ csv: '/x.csv', json: '/x' }} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('nord: 52');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Tabell' }));
    expect(screen.getByRole('button', { name: 'Tabell' }).getAttribute('aria-pressed')).toBe('true');
    const grid = screen.getByRole('table', { name: 'Offer' });
    const rows = within(grid).getAllByRole('row');
    expect([...(rows[1]?.children ?? [])].map((c) => c.textContent)).toEqual(['nord', '40', '..dold', '0', '52', '20,93']);
    expect([...(rows[2]?.children ?? [])].map((c) => c.textContent)).toEqual(['Uppgift saknas', '12', '..dold', '–uppgift saknas', '19', '–uppgift saknas']);
    expect(within(grid).getAllByText('..')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Ladda ner CSV' }).getAttribute('href')).toBe('/x.csv');
    expect(screen.getByRole('link', { name: 'Ladda ner JSON' }).getAttribute('href')).toBe('/x');
  });
});

describe('the shaded county map', () => {
  it('projects each county into a path, shades shown rates and hatches hidden ones', () => {
    const rates = new Map([['25', n(12.07)], ['01', HIDDEN]]);
    const { container } = inLang(
      <RateMap map={countyMap as FeatureCollection<CountyFeatureProperties>} rates={rates} title="Karta" />, 'en');
    const paths = [...container.querySelectorAll('path.stat-county')];
    expect(paths.map((p) => p.getAttribute('data-code'))).toEqual(['01', '25']);
    const d = paths[1]?.getAttribute('d') ?? '';
    expect(d).toMatch(/^M[\d. L]+Z$/);
    expect(paths[1]?.getAttribute('class')).toContain('shade-');
    expect(paths[1]?.getAttribute('class')).not.toContain('shade-suppressed');
    expect(paths[0]?.getAttribute('class')).toContain('shade-suppressed');
    expect(paths[0]?.getAttribute('fill')).toMatch(/^url\(#map-hatch-/);
    // Stockholm (south) is drawn below Norrbotten (north): y grows southwards.
    const topOf = (p: Element | undefined) => Math.min(...(p?.getAttribute('d') ?? '').slice(1, -1).split('L').map((pt) => Number(pt.split(' ')[1])));
    expect(topOf(paths[0])).toBeGreaterThan(topOf(paths[1]));
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toBe('Map, Karta. Stockholms län: hidden; Norrbottens län: 12.07');
    expect(screen.getByText('Hatched: hidden to protect persons')).toBeTruthy();
    expect(screen.getByText('Grey: not known')).toBeTruthy();
  });
});
