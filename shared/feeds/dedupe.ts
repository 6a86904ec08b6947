/**
 * "Seen before?" over the most recent `maxSize` keys. Relays resend after a restart and simulcast delivers one
 * room through several relays, so the window must outlive any single connection; the bound keeps a long show
 * from growing it forever. A hit refreshes the key (LRU), so a message a relay keeps resending stays remembered.
 */
export class DedupeWindow {
  readonly maxSize: number;
  /** Key → the stamp of its latest sighting. */
  readonly #stamps = new Map<string, number>();
  /**
   * Sightings oldest first. A refreshed key leaves a stale entry behind (its stamp no longer matches), skipped
   * at eviction. Evicting from a Set's front instead degrades badly in V8 once many entries were deleted.
   */
  #queue: { key: string; stamp: number }[] = [];
  #head = 0;
  #stamp = 0;

  constructor(maxSize = 100_000) {
    if (!Number.isInteger(maxSize) || maxSize < 1) throw new RangeError('maxSize must be a positive integer');
    this.maxSize = maxSize;
  }

  /** True the first time a key is offered (within the window), false for a repeat. */
  admit(key: string): boolean {
    const known = this.#stamps.has(key);
    const stamp = ++this.#stamp;
    this.#stamps.set(key, stamp);
    this.#queue.push({ key, stamp });
    if (known) {
      this.#compactIfSparse();
      return false;
    }
    while (this.#stamps.size > this.maxSize) this.#evictOldest();
    this.#compactIfSparse();
    return true;
  }

  has(key: string): boolean {
    return this.#stamps.has(key);
  }

  get size(): number {
    return this.#stamps.size;
  }

  clear(): void {
    this.#stamps.clear();
    this.#queue = [];
    this.#head = 0;
  }

  #evictOldest(): void {
    while (this.#head < this.#queue.length) {
      const entry = this.#queue[this.#head++];
      if (entry && this.#stamps.get(entry.key) === entry.stamp) {
        this.#stamps.delete(entry.key);
        return;
      }
    }
  }

  /** Drop consumed and stale entries once they outnumber the live ones, keeping memory O(maxSize). */
  #compactIfSparse(): void {
    if (this.#queue.length < 2 * this.maxSize + 1024) return;
    this.#queue = this.#queue.slice(this.#head).filter((e) => this.#stamps.get(e.key) === e.stamp);
    this.#head = 0;
  }
}
