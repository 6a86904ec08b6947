/**
 * The last `capacity` items, each numbered by a sequence that keeps counting as old items fall off, so a
 * reader can ask "what came after #n" and learn whether it missed some (the comment panel's "N new").
 */
export class RingBuffer<T> {
  readonly capacity: number;
  readonly #items: (T | undefined)[];
  /** Sequence number of the last item pushed; 0 before any. */
  #lastSeq = 0;
  #size = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.capacity = capacity;
    this.#items = new Array<T | undefined>(capacity);
  }

  /** Adds an item, dropping the oldest when full; returns its sequence number (1, 2, …). */
  push(item: T): number {
    this.#items[this.#lastSeq % this.capacity] = item;
    this.#lastSeq += 1;
    this.#size = Math.min(this.#size + 1, this.capacity);
    return this.#lastSeq;
  }

  get size(): number {
    return this.#size;
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Sequence number of the oldest item still held (lastSeq + 1 when empty). */
  get firstSeq(): number {
    return this.#lastSeq - this.size + 1;
  }

  /** Held items, oldest first. */
  toArray(): T[] {
    return this.#range(this.firstSeq);
  }

  /** Items after sequence `seq`, oldest first; when `seq + 1 < firstSeq` the ones in between are gone. */
  since(seq: number): T[] {
    return this.#range(Math.max(this.firstSeq, Math.floor(seq) + 1));
  }

  /** Items missed by a reader that last saw `seq` (dropped before it could read them). */
  missedSince(seq: number): number {
    return Math.max(0, this.firstSeq - Math.floor(seq) - 1);
  }

  /** Empties the buffer; sequence numbers keep counting so readers are not confused. */
  clear(): void {
    this.#items.fill(undefined);
    this.#size = 0;
  }

  #range(fromSeq: number): T[] {
    const out: T[] = [];
    for (let s = fromSeq; s <= this.#lastSeq; s++) out.push(this.#items[(s - 1) % this.capacity] as T);
    return out;
  }
}
