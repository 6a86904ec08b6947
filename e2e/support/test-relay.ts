import { createServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { Server, type Socket } from 'socket.io';

/**
 * A socket.io relay written for the tests: clients that have joined get whatever the test emits, however
 * malformed. `kill()` cuts it off the way a crashed relay process would (connections reset, no goodbye); `up()`
 * starts it again on the same port. Each protocol says how a client joins.
 */
export class TestRelay {
  readonly port: number;
  readonly #onConnection: (socket: Socket) => void;
  #io: Server | null = null;
  readonly #connections = new Set<NetSocket>();

  protected constructor(port: number, onConnection: (socket: Socket) => void) {
    this.port = port;
    this.#onConnection = onConnection;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const http = createServer();
    http.on('connection', (socket) => {
      this.#connections.add(socket);
      socket.once('close', () => this.#connections.delete(socket));
    });
    const io = new Server(http, { cors: { origin: '*' } });
    io.on('connection', this.#onConnection);
    await new Promise<void>((resolve) => http.listen(this.port, '127.0.0.1', resolve));
    this.#io = io;
  }

  /** Send to every joined client (the raw payload, however malformed). */
  emit(event: string, ...args: unknown[]): void {
    this.#io?.to('room').emit(event, ...args);
  }

  async joined(): Promise<number> {
    return (await this.#io?.in('room').fetchSockets())?.length ?? 0;
  }

  /** As if the relay process were killed: every connection reset at once, nothing said to the clients. */
  async kill(): Promise<void> {
    const io = this.#io;
    this.#io = null;
    for (const socket of this.#connections) socket.resetAndDestroy();
    this.#connections.clear();
    if (io) await new Promise<void>((resolve) => void io.close(() => resolve()));
  }

  /** A clean stop: the clients are told and disconnect. */
  async down(): Promise<void> {
    const io = this.#io;
    this.#io = null;
    if (io) await new Promise<void>((resolve) => void io.close(() => resolve()));
    for (const socket of this.#connections) socket.destroy();
    this.#connections.clear();
  }
}
