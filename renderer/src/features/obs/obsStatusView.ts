import type { ObsStatus } from '../../../../shared/protocol/index.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { MessageParams } from '../../i18n/translate.ts';

export type ObsPhase = ObsStatus['phase'];

/** Everything the status badge shows, decided without React so it can be tested. */
export interface ObsStatusDisplay {
  phase: ObsPhase;
  phaseKey: MessageKey;
  reason: { key: MessageKey; params: MessageParams } | null;
  /** While connecting: the address being tried, so a wrong one is spotted before it fails. */
  target: string | null;
  detail: string | null;
  nextRetryAt: number | null;
  versions: { obs: string; websocket: string } | null;
  /** The fix is in Settings: offer a link there. */
  suggestSettings: boolean;
}

export function describeObsStatus(status: ObsStatus, url: string): ObsStatusDisplay {
  const base = { phase: status.phase, phaseKey: `obs.phase.${status.phase}` as const };
  switch (status.phase) {
    case 'connected':
      return {
        ...base,
        reason: null,
        target: null,
        detail: null,
        nextRetryAt: null,
        versions: { obs: status.obsVersion, websocket: status.websocketVersion },
        suggestSettings: false,
      };
    case 'connecting':
      return {
        ...base,
        reason: null,
        target: url === '' ? null : url,
        detail: null,
        nextRetryAt: null,
        versions: null,
        suggestSettings: false,
      };
    case 'offline':
      return {
        ...base,
        reason: { key: `obs.reason.${status.reason}`, params: { url } },
        target: null,
        detail: status.detail?.trim() || null,
        nextRetryAt: status.nextRetryAt ?? null,
        versions: null,
        suggestSettings: status.reason === 'not_configured' || status.reason === 'auth_failed',
      };
  }
}

/**
 * Which buttons make sense now: Connect when offline (once there is an address to connect to); Disconnect to drop a
 * link or stop the engine retrying.
 */
export function obsActions(status: ObsStatus): { canConnect: boolean; canDisconnect: boolean } {
  if (status.phase === 'offline') {
    return { canConnect: status.reason !== 'not_configured', canDisconnect: status.nextRetryAt !== undefined };
  }
  return { canConnect: false, canDisconnect: true };
}
