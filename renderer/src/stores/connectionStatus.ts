import { HANDSHAKE_REFUSAL } from '../../../shared/protocol/index.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized' | 'protocol_mismatch';

/** Statuses after which the socket must stay down until the user acts (new token, reload). */
export function isTerminal(status: ConnectionStatus): boolean {
  return status === 'unauthorized' || status === 'protocol_mismatch';
}

/** Maps a failed connection attempt to a status; anything but a refusal is transient and retried. */
export function statusAfterConnectError(message: string, everConnected: boolean): ConnectionStatus {
  if (message === HANDSHAKE_REFUSAL.unauthorized) return 'unauthorized';
  if (message === HANDSHAKE_REFUSAL.protocolMismatch) return 'protocol_mismatch';
  return everConnected ? 'reconnecting' : 'connecting';
}
