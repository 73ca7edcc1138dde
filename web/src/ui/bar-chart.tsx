/**
 * A horizontal bar chart in plain SVG (no chart library): one row per item, its label and value
 * as real text above the bar, bar widths in percent so it fits any width. Screen readers get the
 * figure caption and a sentence listing every value (`<title>` + `<desc>`).
 */
import { useId } from 'react';

export type Tone = 'neutral' | 'ok' | 'warning' | 'danger';

export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** The value as shown (e.g. "3 demandes"); defaults to the number. */
  readonly display?: string;
  readonly tone?: Tone;
}

const ROW = 40;

export function BarChart({
  caption,
  bars,
  max,
  empty,
}: {
  readonly caption: string;
  readonly bars: readonly Bar[];
  /** The value of a full-width bar (defaults to the largest value). */
  readonly max?: number;
  /** Said instead of the chart when there is nothing to draw. */
  readonly empty: string;
}) {
  const id = useId();
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value), 1);
  const summary = bars.map((bar) => `${bar.label}: ${bar.display ?? bar.value}`).join('; ');
  return (
    <figure className="chart">
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {bars.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          width="100%"
          height={bars.length * ROW}
          className="chart-svg"
        >
          <title id={`${id}-title`}>{caption}</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          {bars.map((bar, index) => {
            const y = index * ROW;
            const width = bar.value <= 0 ? 0 : Math.max(1, (bar.value / top) * 100);
            return (
              <g key={bar.key} className={`bar bar-${bar.tone ?? 'neutral'}`}>
                <text x="0" y={y + 15} className="bar-label">
                  {bar.label}
                </text>
                <text x="100%" y={y + 15} textAnchor="end" className="bar-value">
                  {bar.display ?? bar.value}
                </text>
                <rect x="0" y={y + 21} width="100%" height="12" rx="3" className="bar-track" />
                <rect x="0" y={y + 21} width={`${width}%`} height="12" rx="3" className="bar-fill" />
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
