import { TestRelay } from './test-relay.ts';

/** A relay speaking the Cuedeck relay protocol (assets/relay-protocol.md): every client that connects has joined. */
export class TestCuedeckRelay extends TestRelay {
  private constructor(port: number) {
    super(port, (socket) => void socket.join('room'));
  }

  static async start(port: number): Promise<TestCuedeckRelay> {
    const relay = new TestCuedeckRelay(port);
    await relay.up();
    return relay;
  }
}
