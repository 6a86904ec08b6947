import { createServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { Server } from 'socket.io';

/**
 * A relay speaking the Cuedeck relay protocol (assets/relay-protocol.md), written for the tests: every client
 * that connects gets whatever the test emits, however malformed. `kill()` cuts it off the way a crashed relay
 * process would (connections reset, no goodbye); `up()` starts it again on the same port.
 */
export class TestCuedeckRelay {
  readonly port: number;
  #io: Server | null = null;
  readonly #connections = new Set<NetSocket>();

  private constructor(port: number) {
    this.port = port;
  }

  static async start(port: number): Promise<TestCuedeckRelay> {
    const relay = new TestCuedeckRelay(port);
    await relay.up();
    return relay;
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
    const io = new Server(http);
    io.on('connection', (socket) => void socket.join('room'));
    await new Promise<void>((resolve) => http.listen(this.port, '127.0.0.1', resolve));
    this.#io = io;
  }

  /** Send to every connected client (the raw payload, however malformed). */
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

  async down(): Promise<void> {
    await this.kill();
  }
}
