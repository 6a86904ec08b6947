import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import {
  HANDSHAKE_REFUSAL,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type CommandResult,
  type ServerToClientEvents,
} from '../../../shared/protocol/index.ts';
import type { Dispatch } from '../dispatch/dispatcher.ts';
import { isSameOrigin, tokensEqual } from '../http/auth.ts';
import type { NoticeBus } from '../state/notices.ts';
import type { StateHub } from '../state/state-hub.ts';

interface GatewayDeps {
  httpServer: HttpServer;
  token: string;
  hub: StateHub;
  notices: NoticeBus;
  dispatch: Dispatch;
}

/**
 * The live channel to views: refuses handshakes without the token or with another protocol version, sends a
 * snapshot on connect, then every patch and notice; commands go through the shared dispatcher.
 */
export function attachSocketGateway({ httpServer, token, hub, notices, dispatch }: GatewayDeps) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Browsers on other sites may not open a socket here (CORS stays closed; same-origin only).
    allowRequest: (req, callback) => callback(null, isSameOrigin(req)),
  });

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; protocolVersion?: unknown };
    if (typeof auth.token !== 'string' || !tokensEqual(auth.token, token)) {
      next(new Error(HANDSHAKE_REFUSAL.unauthorized));
      return;
    }
    if (auth.protocolVersion !== PROTOCOL_VERSION) {
      next(new Error(HANDSHAKE_REFUSAL.protocolMismatch));
      return;
    }
    next();
  });

  io.on('connection', (socket) => {
    socket.emit('snapshot', hub.snapshot());
    socket.on('command', (command, ack) => {
      if (typeof ack !== 'function') return; // a command nobody waits for is a client bug; drop it quietly
      void dispatch(command).then((result: CommandResult) => ack(result));
    });
    socket.on('clock.ping', (ack) => {
      if (typeof ack === 'function') ack(Date.now());
    });
  });

  const offPatch = hub.onPatch((patch) => io.emit('patch', patch));
  const offNotice = notices.subscribe((notice) => io.emit('notice', notice));

  return {
    io,
    async close(): Promise<void> {
      offPatch();
      offNotice();
      await io.close();
    },
  };
}
