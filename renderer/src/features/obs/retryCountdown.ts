import type { MessageKey } from '../../i18n/en.ts';
import type { MessageParams } from '../../i18n/translate.ts';

/** Whole seconds left until `at`, rounded up so "1 s" shows until the moment itself; never negative. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1_000));
}

/** The retry line under an offline OBS status, from engine-clock times. */
export function retryMessage(nextRetryAt: number, engineNow: number): { key: MessageKey; params: MessageParams } {
  const seconds = secondsUntil(nextRetryAt, engineNow);
  return seconds > 0 ? { key: 'obs.retryIn', params: { seconds } } : { key: 'obs.retryNow', params: {} };
}
