import { io, type Socket } from 'socket.io-client';
import type { FeedEvent } from '../../shared/feeds/events.ts';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol/index.ts';

export interface FeedWatch {
  /** Every feed event the engine sent to views (the backlog on connect included), in arrival order. */
  readonly events: readonly FeedEvent[];
  close(): void;
}

/** A view's feed, seen from the test: what the engine showed to every view, to compare with what it logged. */
export async function watchFeed(engine: { url: string; token: string }): Promise<FeedWatch> {
  const events: FeedEvent[] = [];
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(engine.url, {
    auth: { token: engine.token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
  });
  socket.on('feed.batch', (batch) => events.push(...batch.events));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { events, close: () => socket.close() };
}
