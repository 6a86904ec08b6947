import type { CommandInput, CommandResult } from './commands.ts';
import type { Notice, Patch, Snapshot } from './messages.ts';
import type { FeedEvent } from '../feeds/events.ts';

/** socket.io handshake `auth` payload. */
export interface HandshakeAuth {
  token: string;
  protocolVersion: number;
}

/** Messages a refused handshake carries in `connect_error.message`. */
export const HANDSHAKE_REFUSAL = {
  unauthorized: 'unauthorized',
  protocolMismatch: 'protocol_mismatch',
  /** Too many wrong tokens from this address: retried later; the token is not even checked until then. */
  rateLimited: 'rate_limited',
} as const;

/** Which picture a thumbnail shows. */
export type ThumbnailTarget = 'program' | 'preview';

export interface Thumbnail {
  target: ThumbnailTarget;
  sceneName: string;
  /** A data: URL (JPEG) straight from OBS's GetSourceScreenshot. */
  dataUrl: string;
  at: number;
}

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  patch: (patch: Patch) => void;
  notice: (notice: Notice) => void;
  thumbnail: (thumbnail: Thumbnail) => void;
  /**
   * Feed events (comments, orders, gifts…) in arrival order, batched every ~50 ms. Not part of the state: a
   * view keeps its own bounded buffer. Right after connecting, one batch carries the recent backlog.
   */
  'feed.batch': (batch: { events: FeedEvent[]; backlog: boolean }) => void;
}

export interface ClientToServerEvents {
  command: (command: CommandInput, ack: (result: CommandResult) => void) => void;
  /** Clock probe: the engine answers with its own Date.now(); see shared/clock/offset.ts. */
  'clock.ping': (ack: (engineNow: number) => void) => void;
  /** Which thumbnails this view shows right now; an empty list stops them (a hidden panel costs OBS nothing). */
  'thumbnails.watch': (targets: ThumbnailTarget[]) => void;
}
