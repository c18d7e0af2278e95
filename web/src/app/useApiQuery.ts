import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';

export interface QueryState<T> {
  /** The latest answer; kept while the next one loads so that tables do not flicker. */
  data: T | undefined;
  error: ApiError | undefined;
  isLoading: boolean;
  reload(): void;
}

interface Loaded<T> {
  request: string;
  data?: T;
  error?: ApiError;
}

/**
 * Loads whatever `load` returns whenever `key` changes (the key names the request: path and query). An
 * answer that arrives after the key changed is dropped.
 */
export function useApiQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>): QueryState<T> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [reloads, setReloads] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T> | undefined>(undefined);
  const request = `${key}#${reloads}`;

  useEffect(() => {
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setLoaded({ request, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError({ status: 0, code: 'CLIENT', message: String(error) });
        setLoaded((previous) => ({ request, data: previous?.data, error: apiError }));
      },
    );
    return () => controller.abort();
  }, [request]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const isCurrent = loaded?.request === request;
  return {
    data: loaded?.data,
    error: isCurrent ? loaded?.error : undefined,
    isLoading: !isCurrent,
    reload,
  };
}
