import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T; refreshing: boolean }
  | { status: 'error'; error: unknown };

interface Settled<T> {
  key: string;
  version: number;
  outcome: { ok: true; data: T } | { ok: false; error: unknown };
}

/**
 * Loads `load()` for `key` and again on `reload()`. While a new key loads it reads 'loading'; while a reload of the
 * same key runs, the last data stays on screen (`refreshing`). Answers for an old key or version are dropped.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): [Resource<T>, () => void] {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, version, outcome: { ok: true, data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSettled({ key, version, outcome: { ok: false, error } });
      },
    );
    return () => controller.abort();
    // `load` is recreated on every render by callers; the key says what to load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  if (settled === null || settled.key !== key) return [{ status: 'loading' }, reload];
  const refreshing = settled.version !== version;
  if (settled.outcome.ok) return [{ status: 'ready', data: settled.outcome.data, refreshing }, reload];
  if (refreshing) return [{ status: 'loading' }, reload];
  return [{ status: 'error', error: settled.outcome.error }, reload];
}
