import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol/index.ts';

export type CuedeckSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
