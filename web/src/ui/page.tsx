/**
 * A page: its `<h1>`, the document title, and focus moved to the heading after a navigation
 * inside the app (so screen-reader and keyboard users start reading the new page, not the old
 * position). The first page load keeps the browser's natural focus order (skip link first).
 */
import { type ReactNode, useEffect, useRef } from 'react';

let navigated = false;

export function Page({
  title,
  children,
  actions,
  lead,
}: {
  readonly title: string;
  readonly children: ReactNode;
  /** Buttons or links shown beside the heading. */
  readonly actions?: ReactNode;
  /** One sentence under the heading. */
  readonly lead?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Registre`;
  }, [title]);
  useEffect(() => {
    if (navigated) heading.current?.focus({ preventScroll: false });
    navigated = true;
  }, []);
  return (
    <>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions === undefined ? null : <div className="page-actions">{actions}</div>}
      </div>
      {lead === undefined ? null : <p className="lead">{lead}</p>}
      {children}
    </>
  );
}
