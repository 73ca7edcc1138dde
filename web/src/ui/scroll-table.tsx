/**
 * A table inside a region that scrolls sideways on narrow screens. The region can take the
 * keyboard focus (otherwise a keyboard user cannot scroll it) and is named by the table's caption,
 * so a screen reader announces what the focused region holds.
 */
import { type CSSProperties, type ReactNode, useId } from 'react';

export function ScrollTable({
  caption,
  captionClassName,
  testId,
  style,
  children,
}: {
  readonly caption: ReactNode;
  /** e.g. `visually-hidden` when a heading already says what the table holds. */
  readonly captionClassName?: string;
  readonly testId?: string;
  readonly style?: CSSProperties;
  /** The table's head and body. */
  readonly children: ReactNode;
}) {
  const id = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-wrap" aria-labelledby={id} tabIndex={0}>
      <table data-testid={testId} style={style}>
        <caption id={id} className={captionClassName}>
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}

/** A head row of column titles, each with a minimum width so long cells wrap into readable lines. */
export function ColumnHeads({
  columns,
}: {
  readonly columns: readonly (readonly [title: string, minWidth: string])[];
}) {
  return (
    <thead>
      <tr>
        {columns.map(([title, minWidth]) => (
          <th scope="col" key={title} style={{ minWidth }}>
            {title}
          </th>
        ))}
      </tr>
    </thead>
  );
}
