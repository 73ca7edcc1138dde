/**
 * Calls to the Registre API from the browser. Every error answer carries the server's envelope
 * `{ requestId, code, message, details? }` (src/server/errors.ts); it becomes an {@link ApiError}
 * so pages can show the message and react to the code (REG_ERR_ACCOUNTS_LOCKED, …).
 */
import type { TErrorEnvelope } from '../../../src/server/errors.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly details: TErrorEnvelope['details'];

  constructor(status: number, envelope: Partial<TErrorEnvelope>) {
    super(envelope.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = envelope.code ?? 'REG_ERR_HTTP';
    this.requestId = envelope.requestId ?? null;
    this.details = envelope.details;
  }
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Be told when a call answers 401 (the console then returns to its sign-in page). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export interface CallOptions {
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string>>;
  /** Do not tell the 401 listeners (the sign-in call itself, the privacy center). */
  readonly quiet401?: boolean;
}

async function readEnvelope(response: Response): Promise<Partial<TErrorEnvelope>> {
  try {
    const parsed: unknown = await response.json();
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<TErrorEnvelope>) : {};
  } catch {
    return {};
  }
}

/** Call `method path` and return the JSON answer (undefined for 204). Throws {@link ApiError}. */
export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (options.signal !== undefined) init.signal = options.signal;
  const response = await fetch(path, init);
  if (!response.ok) {
    const error = new ApiError(response.status, await readEnvelope(response));
    if (response.status === 401 && options.quiet401 !== true) {
      for (const listener of unauthenticatedListeners) listener(error);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return (await response.text()) as T;
  return (await response.json()) as T;
}

export const get = <T>(path: string, options?: CallOptions) => call<T>('GET', path, options);
export const post = <T>(path: string, body?: unknown, options?: CallOptions) =>
  call<T>('POST', path, { ...options, body: body ?? {} });
export const patch = <T>(path: string, body: unknown, options?: CallOptions) =>
  call<T>('PATCH', path, { ...options, body });
export const put = <T>(path: string, body: unknown, options?: CallOptions) =>
  call<T>('PUT', path, { ...options, body });
export const del = <T>(path: string, options?: CallOptions) => call<T>('DELETE', path, options);

/** `path?a=1&b=x` from the defined entries of `query`. */
export function withQuery(
  path: string,
  query: Readonly<Record<string, string | number | boolean | undefined | null>>,
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
