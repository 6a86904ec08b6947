import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import {
  HANDSHAKE_REFUSAL,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type CommandResult,
  type ServerToClientEvents,
  type Thumbnail,
  type ThumbnailTarget,
} from '../../../shared/protocol/index.ts';
import type { FeedEvent } from '../../../shared/feeds/events.ts';
import type { Dispatch } from '../dispatch/dispatcher.ts';
import { isSameOrigin, tokensEqual } from '../http/auth.ts';
import type { AccessGuard } from '../http/rate-limit.ts';
import type { NoticeBus } from '../state/notices.ts';
import type { StateHub } from '../state/state-hub.ts';

interface GatewayDeps {
  httpServer: HttpServer;
  token: string;
  /** Shared with the HTTP API, so wrong tokens count against one budget per address whichever way they come. */
  guard: AccessGuard;
  hub: StateHub;
  notices: NoticeBus;
  dispatch: Dispatch;
  /** The union of thumbnails the connected views want; called whenever it may have changed. */
  onThumbnailDemand: (targets: ReadonlySet<ThumbnailTarget>) => void;
  /** Recent feed events for a view that just connected. */
  feedBacklog: () => FeedEvent[];
}

const THUMBNAIL_TARGETS: readonly ThumbnailTarget[] = ['program', 'preview'];
const thumbnailRoom = (target: ThumbnailTarget) => `thumbnail:${target}`;

/**
 * The live channel to views: refuses handshakes without the token or with another protocol version, sends a
 * snapshot on connect, then every patch and notice; commands go through the shared dispatcher.
 */
export function attachSocketGateway({ httpServer, token, guard, hub, notices, dispatch, onThumbnailDemand, feedBacklog }: GatewayDeps) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    serveClient: false,
    // Whole show scripts travel as one command; the import cap (5 MB of text) bounds them.
    maxHttpBufferSize: 8 * 1024 * 1024,
    // Browsers on other sites may not open a socket here (CORS stays closed; same-origin only).
    allowRequest: (req, callback) => callback(null, isSameOrigin(req)),
  });

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; protocolVersion?: unknown };
    const address = socket.handshake.address;
    if (!guard.lockedOut(address).ok) {
      next(new Error(HANDSHAKE_REFUSAL.rateLimited));
      return;
    }
    if (typeof auth.token !== 'string' || !tokensEqual(auth.token, token)) {
      guard.failed(address);
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
    socket.emit('feed.batch', { events: feedBacklog(), backlog: true });
    socket.on('command', (command, ack) => {
      if (typeof ack !== 'function') return; // a command nobody waits for is a client bug; drop it quietly
      void dispatch(command).then((result: CommandResult) => ack(result));
    });
    socket.on('clock.ping', (ack) => {
      if (typeof ack === 'function') ack(Date.now());
    });
    socket.on('thumbnails.watch', (targets) => {
      const wanted = new Set(Array.isArray(targets) ? targets.filter((t) => THUMBNAIL_TARGETS.includes(t)) : []);
      for (const target of THUMBNAIL_TARGETS) {
        if (wanted.has(target)) void socket.join(thumbnailRoom(target));
        else void socket.leave(thumbnailRoom(target));
      }
      updateDemand();
    });
    socket.on('disconnect', updateDemand);
  });

  function updateDemand(): void {
    const rooms = io.of('/').adapter.rooms;
    onThumbnailDemand(new Set(THUMBNAIL_TARGETS.filter((t) => (rooms.get(thumbnailRoom(t))?.size ?? 0) > 0)));
  }

  const offPatch = hub.onPatch((patch) => io.emit('patch', patch));
  const offNotice = notices.subscribe((notice) => io.emit('notice', notice));

  return {
    io,
    broadcastFeed(events: FeedEvent[]): void {
      io.emit('feed.batch', { events, backlog: false });
    },
    publishThumbnail(thumbnail: Thumbnail): void {
      io.to(thumbnailRoom(thumbnail.target)).emit('thumbnail', thumbnail);
    },
    async close(): Promise<void> {
      offPatch();
      offNotice();
      await io.close();
    },
  };
}
