/** A button or form action calling the API: `busy` while it runs, the error when it fails. */
import { useCallback, useState } from 'react';
import { ApiError } from './client.ts';

export interface Action {
  readonly busy: boolean;
  readonly error: ApiError | null;
  /** Run `work`; resolves to its value, or undefined when it failed (the error is kept). */
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T>(work: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (reason) {
      setError(
        reason instanceof ApiError
          ? reason
          : new ApiError(0, { code: 'REG_ERR_NETWORK', message: String(reason) }),
      );
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
