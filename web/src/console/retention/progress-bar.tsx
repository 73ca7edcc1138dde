/**
 * Bars drawn in SVG with the charts' track and fill (widths in percent, so they fit any width),
 * their text in HTML above them: a progress bar (`role="progressbar"` with its values for
 * assistive technologies) and a list of labelled bars for the dashboard.
 */
import { useId } from 'react';
import type { Tone } from '../../ui/bar-chart.tsx';

function Bar({ percent, tone }: { readonly percent: number; readonly tone: Tone }) {
  return (
    <svg width="100%" height="14" aria-hidden="true" focusable="false" className="chart-svg">
      <rect x="0" y="1" width="100%" height="12" rx="3" className="bar-track" />
      <g className={`bar bar-${tone}`}>
        <rect x="0" y="1" width={`${percent}%`} height="12" rx="3" className="bar-fill" />
      </g>
    </svg>
  );
}

export function ProgressBar({
  label,
  done,
  total,
  text,
  strong = false,
}: {
  /** The bar's accessible name. */
  readonly label: string;
  readonly done: number;
  readonly total: number;
  /** What is shown above the bar and read as the value ("12 rows of 40"). */
  readonly text: string;
  readonly strong?: boolean;
}) {
  const max = Math.max(total, done, 0);
  const percent = max === 0 ? 100 : Math.min(100, (done / max) * 100);
  return (
    <div style={{ margin: '0 0 0.6rem' }}>
      <p
        style={{ margin: '0 0 0.2rem', fontWeight: strong ? 600 : 400, fontSize: strong ? '1rem' : '0.9rem' }}
      >
        {text}
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(done, max)}
        aria-valuetext={text}
      >
        <Bar percent={percent} tone={done >= max ? 'ok' : 'neutral'} />
      </div>
    </div>
  );
}

export interface LabelledValue {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly display: string;
}

/**
 * A bar chart whose labels wrap as text does (long names never run over the values): a figure
 * with its caption, one list item per value, the bars hidden from assistive technologies (the
 * list says every value).
 */
export function LabelledBars({
  caption,
  items,
  empty,
  tone = 'neutral',
}: {
  readonly caption: string;
  readonly items: readonly LabelledValue[];
  readonly empty: string;
  readonly tone?: Tone;
}) {
  const id = useId();
  const top = Math.max(1, ...items.map((item) => item.value));
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id}>{caption}</figcaption>
      {items.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <li key={item.key} style={{ margin: '0 0 0.5rem', fontSize: '0.9rem' }}>
              <span style={{ display: 'flex', justifyContent: 'space-between', gap: '0.75rem' }}>
                <span>{item.label}</span>
                <strong style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>{item.display}</strong>
              </span>
              <Bar percent={item.value <= 0 ? 0 : Math.max(1, (item.value / top) * 100)} tone={tone} />
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
