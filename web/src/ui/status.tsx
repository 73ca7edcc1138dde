/** Messages: loading, errors from the API (with their request id), success notices. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A polite live region saying the page is loading. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** An API error: its message, and the request id to quote to support. */
export function ErrorMessage({ error, title }: { readonly error: ApiError | null; readonly title?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (error === null) return null;
  return (
    <div className="alert alert-error" role="alert">
      {title === undefined ? null : <p className="alert-title">{title}</p>}
      <p>{i18n.maybe(`errors.${error.code}`) ?? error.message}</p>
      {error.details === undefined ? null : (
        <ul>
          {error.details.map((detail) => (
            <li key={detail.path}>
              <code>{detail.path}</code> — {detail.message}
            </li>
          ))}
        </ul>
      )}
      {error.requestId === null ? null : (
        <p className="hint">{t('common.requestId', { id: error.requestId })}</p>
      )}
    </div>
  );
}

/** A success or information notice, announced politely. */
export function Notice({
  children,
  tone = 'info',
}: {
  readonly children: ReactNode;
  readonly tone?: 'info' | 'success' | 'warning';
}) {
  return (
    <div className={`alert alert-${tone}`} role="status">
      {children}
    </div>
  );
}

/** The body of a page that loads data: loading, error, or the content. */
export function Loaded<T>({
  state,
  children,
}: {
  readonly state: {
    readonly data: T | undefined;
    readonly error: ApiError | null;
    readonly loading: boolean;
  };
  readonly children: (data: T) => ReactNode;
}) {
  if (state.error !== null && state.data === undefined) return <ErrorMessage error={state.error} />;
  if (state.data === undefined) return <Loading />;
  return (
    <>
      <ErrorMessage error={state.error} />
      {children(state.data)}
    </>
  );
}
