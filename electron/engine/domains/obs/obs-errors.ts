import type { ObsOfflineReason } from '../../../../shared/protocol/index.ts';

/** obs-websocket close code for a failed authentication (wrong or missing password). */
export const OBS_CLOSE_AUTH_FAILED = 4009;

export interface ClassifiedFailure {
  reason: ObsOfflineReason;
  detail: string;
  /** Retrying an auth failure only hammers OBS with the same wrong password. */
  retry: boolean;
}

/** Turn whatever obs-websocket-js or the socket threw into a reason the producer can act on. */
export function classifyConnectFailure(error: unknown): ClassifiedFailure {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === OBS_CLOSE_AUTH_FAILED || /authentication/i.test(message)) {
    return { reason: 'auth_failed', detail: message || 'Authentication failed', retry: false };
  }
  if (/ECONNREFUSED/.test(message)) return { reason: 'refused', detail: message, retry: true };
  if (/ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|timed out|Invalid URL/i.test(message)) {
    return { reason: 'unreachable', detail: message, retry: true };
  }
  return { reason: 'error', detail: message || `closed with code ${String(code)}`, retry: true };
}

/** Delay before automatic attempt n (1-based). Capped low so a restarted OBS is back in the console within seconds. */
export function reconnectDelayMs(attempt: number): number {
  const steps = [500, 1000, 2000];
  return steps[attempt - 1] ?? 3000;
}
