import type { WriteChange, WriteFailing } from './write-behind.ts';

type Failing = Extract<WriteChange, { type: 'failing' }>;
type Recovered = Extract<WriteChange, { type: 'recovered' }>;

export interface StorageAlarmOutput {
  /** The banner: what is failing, or null once writes succeed. */
  show(failing: WriteFailing | null): void;
  /** Once writes succeed after a failure that was shown. */
  recovered(change: Recovered): void;
}

/**
 * Decides which write failures the producer sees. A lock held by the engine's own worker (feeding a broadcast
 * back into member records takes a second or two) is expected and raises nothing; a failure that outlasts the
 * worker, or any other failure, is shown, and its end is announced.
 */
export class StorageAlarm {
  readonly #out: StorageAlarmOutput;
  #ownLocks = 0;
  #heldBack: Failing | null = null;
  #shown = false;

  constructor(out: StorageAlarmOutput) {
    this.#out = out;
  }

  /** The engine's own worker takes the write lock now; call the answer when it is done. */
  ownLock(): () => void {
    this.#ownLocks += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#ownLocks -= 1;
      const held = this.#heldBack;
      if (this.#ownLocks === 0 && held) this.#show(held);
    };
  }

  changed(change: WriteChange): void {
    if (change.type === 'failing') {
      if (change.reason === 'locked' && this.#ownLocks > 0 && !this.#shown) this.#heldBack = change;
      else this.#show(change);
      return;
    }
    this.#heldBack = null;
    if (!this.#shown) return;
    this.#shown = false;
    this.#out.show(null);
    this.#out.recovered(change);
  }

  #show({ reason, detail, since, held, dropped }: Failing): void {
    this.#heldBack = null;
    this.#shown = true;
    this.#out.show({ reason, detail, since, held, dropped });
  }
}
