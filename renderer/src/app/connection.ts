import { io } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type CommandInput,
  type CommandResult,
  type HandshakeAuth,
  type ThumbnailTarget,
} from '../../../shared/protocol/index.ts';
import { useConnection } from '../stores/connection.ts';
import { isTerminal, statusAfterConnectError } from '../stores/connectionStatus.ts';
import { useEngineState } from '../stores/engineState.ts';
import { useNotices } from '../stores/notices.ts';
import { useThumbnails } from '../stores/thumbnails.ts';
import { translateNow } from '../i18n/store.ts';
import type { MessageKey } from '../i18n/en.ts';
import { attachClockSync } from './clockSync.ts';
import { attachFeedBatches } from './feedBatches.ts';
import type { CuedeckSocket } from './socket.ts';

export const COMMAND_TIMEOUT_MS = 5_000;
/** Pause before retrying when socket.io will not retry by itself (the engine closed or refused us). */
const MANUAL_RETRY_MS = 2_000;

let current: { socket: CuedeckSocket; close: () => void } | null = null;

/** The thumbnails this page shows now; the engine forgets a socket's wishes when it closes, so each connect resends. */
let thumbnailWatch: ThumbnailTarget[] = [];

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
    if (thumbnailWatch.length > 0) socket.emit('thumbnails.watch', thumbnailWatch);
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
  socket.on('thumbnail', (thumbnail) => {
    if (thumbnailWatch.includes(thumbnail.target)) useThumbnails.getState().receive(thumbnail);
  });
  socket.on('notice', (notice) =>
    useNotices.getState().show({
      id: notice.id,
      level: notice.level,
      content: { kind: 'notice', code: notice.code, params: notice.params },
    }),
  );

  const stopClock = attachClockSync(socket);
  const stopFeeds = attachFeedBatches(socket);
  return {
    socket,
    close: () => {
      clearTimeout(retryTimer);
      stopClock();
      stopFeeds();
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

function localFailure(key: MessageKey): CommandResult {
  return { ok: false, error: { code: 'internal', message: translateNow(key) } };
}

/** Resolves once the first link to the engine is up, or after `ms` (never while a lost link is being restored). */
function firstLink(ms: number): Promise<void> {
  if (useConnection.getState().status !== 'connecting') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = useConnection.subscribe((s) => {
      if (s.status !== 'connecting') done();
    });
  });
}

/**
 * Sends a command and resolves with the engine's answer. Never rejects: no link or no answer within 5 s become
 * 'internal' errors. Not buffered while offline: a scene switch must not fire minutes later on reconnect. Only a
 * key pressed while the page is still making its very first link may wait for it, briefly (`waitForFirstLinkMs`).
 */
export async function sendCommand(command: CommandInput, { waitForFirstLinkMs = 0 } = {}): Promise<CommandResult> {
  if (waitForFirstLinkMs > 0 && current?.socket.connected !== true) await firstLink(waitForFirstLinkMs);
  const socket = current?.socket;
  if (socket === undefined || !socket.connected) return localFailure('error.engineOffline');
  return new Promise((resolve) => {
    socket.timeout(COMMAND_TIMEOUT_MS).emit('command', command, (err, result) => {
      resolve(err === null ? result : localFailure('error.engineNoAnswer'));
    });
  });
}

/**
 * Which thumbnails this page shows right now (an empty list stops them). Sent at once when linked and again after
 * every reconnect; pictures of targets no longer watched are dropped.
 */
export function watchThumbnails(targets: readonly ThumbnailTarget[]): void {
  const next = [...new Set(targets)].sort();
  if (next.length === thumbnailWatch.length && next.every((t, i) => t === thumbnailWatch[i])) return;
  thumbnailWatch = next;
  useThumbnails.getState().keepOnly(next);
  const socket = current?.socket;
  if (socket?.connected === true) socket.emit('thumbnails.watch', next);
}
