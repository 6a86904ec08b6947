import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type CommandInput, type CommandResult, type HandshakeAuth } from '../../../shared/protocol/index.ts';
import { useConnection } from '../stores/connection.ts';
import { isTerminal, statusAfterConnectError } from '../stores/connectionStatus.ts';
import { useEngineState } from '../stores/engineState.ts';
import { useNotices } from '../stores/notices.ts';
import { translateNow } from '../i18n/store.ts';
import type { MessageKey } from '../i18n/en.ts';
import { attachClockSync } from './clockSync.ts';
import type { CuedeckSocket } from './socket.ts';

export const COMMAND_TIMEOUT_MS = 5_000;
/** Pause before retrying when socket.io will not retry by itself (the engine closed or refused us). */
const MANUAL_RETRY_MS = 2_000;

let current: { socket: CuedeckSocket; close: () => void } | null = null;

/** (Re)connects to the engine with `token`; with none, asks the user for one. */
export function startConnection(token: string | null): void {
  current?.close();
  current = null;
  if (token === null) {
    useConnection.getState().setStatus('unauthorized', false);
    return;
  }
  current = openSocket(token);
}

function openSocket(token: string): { socket: CuedeckSocket; close: () => void } {
  const auth: HandshakeAuth = { token, protocolVersion: PROTOCOL_VERSION };
  const socket: CuedeckSocket = io({ auth });
  const connection = useConnection.getState;
  let everConnected = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const retrySoon = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => socket.connect(), MANUAL_RETRY_MS);
  };

  connection().setStatus('connecting');

  socket.on('connect', () => {
    everConnected = true;
    connection().setStatus('connected');
  });
  socket.on('disconnect', (reason) => {
    if (isTerminal(connection().status)) return;
    connection().setStatus('reconnecting');
    if (reason === 'io server disconnect') retrySoon(); // socket.io leaves this one to us
  });
  socket.on('connect_error', (err) => {
    const status = statusAfterConnectError(err.message, everConnected);
    connection().setStatus(status, status === 'unauthorized');
    if (isTerminal(status)) socket.disconnect();
    else if (!socket.active) retrySoon(); // refused by engine middleware for another reason (e.g. starting up)
  });

  socket.on('snapshot', (snapshot) => useEngineState.getState().receiveSnapshot(snapshot));
  socket.on('patch', (patch) => useEngineState.getState().receivePatch(patch));
  socket.on('notice', (notice) =>
    useNotices.getState().show({
      id: notice.id,
      level: notice.level,
      content: { kind: 'notice', code: notice.code, params: notice.params },
    }),
  );

  const stopClock = attachClockSync(socket);
  return {
    socket,
    close: () => {
      clearTimeout(retryTimer);
      stopClock();
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

function localFailure(key: MessageKey): CommandResult {
  return { ok: false, error: { code: 'internal', message: translateNow(key) } };
}

/**
 * Sends a command and resolves with the engine's answer. Never rejects: no link or no answer within 5 s become
 * 'internal' errors. Not buffered while offline: a scene switch must not fire minutes later on reconnect.
 */
export function sendCommand(command: CommandInput): Promise<CommandResult> {
  const socket = current?.socket;
  if (socket === undefined || !socket.connected) return Promise.resolve(localFailure('error.engineOffline'));
  return new Promise((resolve) => {
    socket.timeout(COMMAND_TIMEOUT_MS).emit('command', command, (err, result) => {
      resolve(err === null ? result : localFailure('error.engineNoAnswer'));
    });
  });
}
