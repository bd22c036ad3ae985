// A line chart of one value over the published years, in SVG, one image to assistive technology with
// every point in words as its name. The line breaks at a hidden or unknown year rather than bridging it.
import { useI18n } from '../../i18n/context';
import { spokenValue } from './BarChart';
import { cellValue, formatCell, formatRate } from './cells';
import { niceCeiling } from './colourScale';
import type { Cell } from './statisticsTypes';

export interface Point {
  label: string;
  cell: Cell | undefined;
}

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 56;
const RIGHT = 24;
const TOP = 16;
const BOTTOM = 32;

/** The runs of consecutive shown points, each drawn as one polyline. */
export function runsOf(values: readonly (number | null)[]): { index: number; value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let run: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else {
      run.push({ index, value });
    }
  });
  if (run.length) runs.push(run);
  return runs;
}

export function LineChart({ title, points, rate = false }: { title: string; points: readonly Point[]; rate?: boolean }) {
  const { t, lang } = useI18n();
  const values = points.map((p) => cellValue(p.cell));
  const max = niceCeiling(Math.max(0, ...values.map((v) => v ?? 0)));
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const fmt = (c: Cell) => (rate ? formatRate(c, lang, 'rate') : formatCell(c, lang));
  const spoken = points.map((p) => `${p.label}: ${spokenValue(p.cell, lang, t, rate)}`).join('; ');
  return (
    <svg className="stats-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img"
      aria-label={t('stats.chart.lineSummary', { title, values: spoken })}>
      {[0, max / 2, max].map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} className="chart-grid" />
          <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" className="chart-label">
            {rate ? formatRate({ status: 'shown', value: tick }, lang, 'rate') : formatCell({ status: 'shown', value: tick }, lang)}
          </text>
        </g>
      ))}
      {runsOf(values).map((run) =>
        run.length > 1 ? (
          <polyline key={run[0]?.index} className="chart-line" points={run.map((p) => `${x(p.index)},${y(p.value)}`).join(' ')} />
        ) : null,
      )}
      {points.map((p, i) => {
        const v = values[i];
        return (
          <g key={p.label}>
            {v === null || v === undefined || !p.cell ? (
              <text x={x(i)} y={TOP + plotH - 6} textAnchor="middle" className="chart-value">
                {fmt(p.cell ?? { status: 'unknown' })}
              </text>
            ) : (
              <circle cx={x(i)} cy={y(v)} r={4} className="chart-point" />
            )}
            <text x={x(i)} y={HEIGHT - 10} textAnchor="middle" className="chart-label">{p.label}</text>
          </g>
        );
      })}
    </svg>
  );
}
