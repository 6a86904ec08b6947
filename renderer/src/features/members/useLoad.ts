import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; data: T; refreshing: boolean } | { status: 'error'; error: unknown };

interface Settled<T> {
  key: string;
  version: number;
  outcome: { ok: true; data: T } | { ok: false; error: unknown };
}

/**
 * Loads `load(signal)` for `key`, and again on `reload()`. A new key reads 'loading'; a reload keeps the last data on
 * screen (`refreshing`). Answers for an older key or reload are dropped; leaving aborts the request.
 */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>): [Loaded<T>, () => void] {
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
    // `load` is a new function on every render; `key` says what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  if (settled === null || settled.key !== key) return [{ status: 'loading' }, reload];
  const refreshing = settled.version !== version;
  if (settled.outcome.ok) return [{ status: 'ready', data: settled.outcome.data, refreshing }, reload];
  if (refreshing) return [{ status: 'loading' }, reload];
  return [{ status: 'error', error: settled.outcome.error }, reload];
}

/** `value`, once it has stayed the same for `ms` (search boxes ask once the typing stops). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
