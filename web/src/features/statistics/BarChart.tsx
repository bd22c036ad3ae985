// A horizontal bar chart drawn in SVG. It is one image to assistive technology (role="img") whose name
// says every bar's value in words; the data-table view beside it (ChartOrTable) holds the same figures.
// A hidden value draws no bar but "..", an unknown one "–": nothing is drawn to scale from a guess.
import type { Lang } from '../../i18n/translate';
import { useI18n } from '../../i18n/context';
import { cellValue, formatCell, formatRate } from './cells';
import { niceCeiling } from './colourScale';
import { HatchPattern } from './HatchPattern';
import type { Cell } from './statisticsTypes';
import { useSvgId } from './svgIds';

export interface Bar {
  key: string;
  label: string;
  cell: Cell | undefined;
}

const WIDTH = 640;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 70;
const ROW = 26;
const BAR = 18;

type Words = (key: 'stats.cell.suppressedWord' | 'stats.cell.unknownWord') => string;

/** The value of a bar in words for the chart's name: the number, "hidden" or "not known". */
export function spokenValue(cell: Cell | undefined, lang: Lang, words: Words, rate = false): string {
  if (!cell || cell.status === 'unknown') return words('stats.cell.unknownWord');
  if (cell.status === 'suppressed') return words('stats.cell.suppressedWord');
  return rate ? formatRate(cell, lang, 'rate') : formatCell(cell, lang);
}

export function BarChart({ title, bars, rate = false }: { title: string; bars: readonly Bar[]; rate?: boolean }) {
  const { t, lang } = useI18n();
  const hatch = useSvgId('bar-hatch');
  const max = niceCeiling(Math.max(0, ...bars.map((b) => cellValue(b.cell) ?? 0)));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW + 8;
  const values = bars.map((b) => `${b.label}: ${spokenValue(b.cell, lang, t, rate)}`).join('; ');
  const text = (c: Cell | undefined) => (rate ? formatRate(c, lang, 'rate') : formatCell(c, lang));
  return (
    <svg className="stats-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img"
      aria-label={t('stats.chart.barSummary', { title, values })}>
      <defs>
        <HatchPattern id={hatch} />
      </defs>
      {bars.map((b, k) => {
        const y = 4 + k * ROW;
        const v = cellValue(b.cell);
        const w = v === null ? 0 : Math.max(v > 0 ? 1 : 0, (v / max) * span);
        return (
          <g key={b.key}>
            <text x={LABEL_WIDTH - 8} y={y + BAR - 4} className="chart-label" textAnchor="end">
              {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
            </text>
            {w > 0 ? (
              <>
                <rect x={LABEL_WIDTH} y={y} width={w} height={BAR} className="bar" />
                <rect x={LABEL_WIDTH} y={y} width={w} height={BAR} className="bar-pattern" fill={`url(#${hatch})`} />
              </>
            ) : null}
            <text x={LABEL_WIDTH + w + 6} y={y + BAR - 4} className="chart-value">{text(b.cell)}</text>
          </g>
        );
      })}
      <line x1={LABEL_WIDTH} y1={0} x2={LABEL_WIDTH} y2={height} className="chart-axis" />
    </svg>
  );
}
