import { hash53, HashTable } from './hashed.ts';

/**
 * "Seen before?" over the keys of the last `maxSize` messages. Relays resend after a restart and simulcast delivers
 * one room through several relays, so the window must outlive any single connection; the bound keeps a long show
 * from growing it forever. A hit refreshes the key (LRU), so a message a relay keeps resending stays remembered.
 *
 * Keys are kept as 53-bit hashes (see hashed.ts) and every array is allocated up front: about 48 bytes a key, so
 * the window's memory is the same from the first message to the last (100,000 keys: about 4.8 MiB). A new key
 * mistaken for a remembered one would need a hash collision: about 1 in 10¹¹ per message at 100,000 keys.
 */
export class DedupeWindow {
  readonly maxSize: number;
  /** Hash → sequence number of its latest sighting. */
  readonly #latest: HashTable;
  /** Hash of every sighting, a ring indexed by sequence number; the oldest is overwritten next. */
  readonly #sightings: Float64Array;
  /** Sequence number of the next sighting (1, 2, …). */
  #seq = 1;

  constructor(maxSize = 100_000) {
    if (!Number.isInteger(maxSize) || maxSize < 1) throw new RangeError('maxSize must be a positive integer');
    this.maxSize = maxSize;
    this.#latest = new HashTable(1, maxSize);
    this.#sightings = new Float64Array(maxSize);
  }

  /** True the first time a key is offered (within the window), false for a repeat. */
  admit(key: string): boolean {
    const hash = hash53(key);
    const known = this.#latest.has(hash);
    const seq = this.#seq++;
    const ring = seq % this.maxSize;
    // The sighting this one overwrites leaves the window; its key goes with it unless it was seen again since.
    if (seq > this.maxSize) {
      const leaving = this.#sightings[ring] as number;
      const slot = this.#latest.find(leaving);
      if (slot !== -1 && this.#latest.get(slot) === seq - this.maxSize) this.#latest.delete(leaving);
    }
    this.#sightings[ring] = hash;
    this.#latest.set(this.#latest.insert(hash), 0, seq);
    return !known;
  }

  has(key: string): boolean {
    return this.#latest.has(hash53(key));
  }

  /** Distinct keys remembered (at most maxSize; fewer when some were seen more than once). */
  get size(): number {
    return this.#latest.size;
  }

  clear(): void {
    this.#latest.clear();
    this.#sightings.fill(0);
    this.#seq = 1;
  }
}
