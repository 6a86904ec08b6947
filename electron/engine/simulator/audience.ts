import { CATALOGUE, COMMENTS, EMOJI, GIFTS, HOSTILE, OVER_LIMIT, SOLD_OUT, nicknameFrom } from './content.ts';
import { FlashSale, type FlashSaleOptions } from './flash-sale.ts';
import type { SimMessage, SimMessageKind, SimUser, UnnumberedSimMessage } from './messages.ts';
import { Rng } from './prng.ts';
import { DEFAULT_VIEWER_CURVE, viewersAt, type ViewerCurve } from './viewer-curve.ts';

export interface AudienceOptions {
  seed: number;
  /** Virtual clock at the show's start (ms since the epoch). */
  startTime: number;
  /** Messages per second (viewer counts, flash-sale orders and refunds come on top). */
  rate: number;
  curve?: Partial<ViewerCurve>;
}

/** Share of each kind in the regular traffic. */
const KIND_WEIGHTS = { comment: 52, enter: 18, like: 15, gift: 5, follow: 4, share: 3, order: 3 } as const;
const COMMENT_WEIGHTS = { chatter: 45, question: 20, purchase: 15, banned: 6, emoji: 8, hostile: 3 } as const;
/** Users kept to draw repeat actors from; older ones have "left". */
const PRESENT_USERS_MAX = 5000;
const VIEWER_INTERVAL_MS = 1000;
/** A flash sale's buzz: purchase talk up and a viewer bump, both fading. */
const SALE_BUZZ_MS = 30_000;

interface ScheduledUpdate {
  at: number;
  orderId: string;
  status: 'refunded' | 'cancelled';
}

/**
 * The simulated room as a pure, seeded generator: `advance(ms)` returns what happened in the next `ms` of
 * virtual time. Same seed and same sequence of calls (advance sizes, flash sales) → the same messages.
 */
export class AudienceModel {
  readonly seed: number;
  readonly #rng: Rng;
  readonly #startTime: number;
  readonly #curve: ViewerCurve;
  #rate: number;
  /** Virtual ms since the start. */
  #t = 0;
  #seq = 0;
  #carry = 0;
  #nextViewersAt = 0;
  #viewers = 0;
  #cumulative = 0;
  #likeTotal = 0;
  #orderSeq = 0;
  #userSeq = 0;
  readonly #present: SimUser[] = [];
  readonly #presentById = new Map<string, SimUser>();
  readonly #sales: FlashSale[] = [];
  #scheduled: ScheduledUpdate[] = [];
  /** Extra chatter owed to a moment (sold out, limit complaints), spread over the next messages. */
  #owedComments: string[] = [];
  #ended = false;

  constructor(options: AudienceOptions) {
    this.seed = options.seed;
    this.#rng = new Rng(options.seed);
    this.#startTime = options.startTime;
    this.#curve = { ...DEFAULT_VIEWER_CURVE, ...options.curve };
    this.#rate = options.rate;
  }

  /** Virtual clock now (ms since the epoch). */
  get now(): number {
    return this.#startTime + this.#t;
  }

  get rate(): number {
    return this.#rate;
  }

  setRate(rate: number): void {
    this.#rate = Math.max(0, rate);
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Opens a flash sale now. */
  flashSale(options: FlashSaleOptions): FlashSale {
    const sale = new FlashSale(options, this.now);
    this.#sales.push(sale);
    return sale;
  }

  /** The streamer signs off; nothing more is generated afterwards. */
  endStream(): SimMessage {
    this.#ended = true;
    return this.#number([{ kind: 'stream_end', time: this.now }])[0] as SimMessage;
  }

  advance(ms: number): SimMessage[] {
    if (this.#ended || ms <= 0) return [];
    const t0 = this.#t;
    const t1 = t0 + ms;
    const out: UnnumberedSimMessage[] = [];
    this.#viewerCounts(t1, out);
    this.#regularTraffic(t0, ms, out);
    for (const sale of this.#sales) if (!sale.finished) this.#rush(sale, t0, t1, out);
    this.#dueUpdates(t1, out);
    this.#t = t1;
    out.sort((a, b) => a.time - b.time); // stable: equal times keep generation order
    return this.#number(out);
  }

  #number(messages: UnnumberedSimMessage[]): SimMessage[] {
    return messages.map((m) => ({ ...m, msgId: `${this.seed}-${++this.#seq}` }) as SimMessage);
  }

  #abs(t: number): number {
    return Math.round(this.#startTime + t);
  }

  #viewerCounts(t1: number, out: UnnumberedSimMessage[]): void {
    while (this.#nextViewersAt <= t1) {
      const t = this.#nextViewersAt;
      const noise = 1 + (this.#rng.float() - 0.5) * 0.06;
      const next = Math.max(0, Math.round(viewersAt(t, this.#curve) * noise * this.#saleBump(t)));
      // New arrivals plus ~2% churn replaced each second add to the views since the start.
      this.#cumulative += Math.max(0, next - this.#viewers) + Math.round(next * 0.02);
      this.#viewers = next;
      out.push({ kind: 'viewers', time: this.#abs(t), current: next, cumulative: this.#cumulative });
      this.#nextViewersAt += VIEWER_INTERVAL_MS;
    }
  }

  #saleBump(t: number): number {
    let bump = 1;
    for (const sale of this.#sales) {
      const since = this.#startTime + t - sale.openedAt;
      if (since >= 0) bump += 0.15 * Math.exp(-since / SALE_BUZZ_MS);
    }
    return bump;
  }

  #regularTraffic(t0: number, ms: number, out: UnnumberedSimMessage[]): void {
    const expected = (this.#rate * ms) / 1000 + this.#carry;
    const n = Math.floor(expected);
    this.#carry = expected - n;
    for (let i = 0; i < n; i++) {
      const time = this.#abs(t0 + ((i + 1) / n) * ms);
      const owed = this.#owedComments.shift();
      if (owed !== undefined) {
        out.push({ kind: 'comment', time, user: this.#someone(), text: owed, viaQuestionBox: false });
        continue;
      }
      this.#one(this.#rng.weighted(KIND_WEIGHTS), time, out);
    }
  }

  #one(kind: Exclude<SimMessageKind, 'viewers' | 'order_update' | 'stream_end'>, time: number, out: UnnumberedSimMessage[]): void {
    const rng = this.#rng;
    switch (kind) {
      case 'comment': {
        const { text, question } = this.#commentText(time);
        out.push({ kind: 'comment', time, user: this.#someone(), text, viaQuestionBox: question && rng.chance(0.15) });
        return;
      }
      case 'enter':
        out.push({ kind: 'enter', time, user: this.#newcomer() });
        return;
      case 'like': {
        const count = rng.chance(0.8) ? rng.int(1, 5) : rng.int(6, 30);
        this.#likeTotal += count;
        out.push({ kind: 'like', time, user: this.#someone(), count, total: this.#likeTotal });
        return;
      }
      case 'gift':
        this.#gift(time, out);
        return;
      case 'follow':
      case 'share':
        out.push({ kind, time, user: this.#someone() });
        return;
      case 'order': {
        const item = rng.pick(CATALOGUE);
        const quantity = rng.chance(0.75) ? 1 : rng.int(2, 3);
        this.#order(time, this.#someone(), item.sku, quantity, Math.round(item.price * quantity * 100) / 100, 0.04, out);
        return;
      }
    }
  }

  #commentText(time: number): { text: string; question: boolean } {
    const rng = this.#rng;
    const buzz = this.#sales.some((s) => time - s.openedAt >= 0 && time - s.openedAt < SALE_BUZZ_MS);
    const category = rng.weighted(buzz ? { ...COMMENT_WEIGHTS, purchase: COMMENT_WEIGHTS.purchase * 4 } : COMMENT_WEIGHTS);
    if (category === 'emoji') return { text: rng.pick(EMOJI), question: false };
    if (category === 'hostile') return { text: rng.pick(HOSTILE), question: false };
    const lang = rng.chance(0.75) ? COMMENTS.zh : COMMENTS.en;
    const text = rng.pick(lang[category]);
    return { text: rng.chance(0.1) ? `${text}${rng.pick(EMOJI)}` : text, question: category === 'question' };
  }

  #gift(time: number, out: UnnumberedSimMessage[]): void {
    const rng = this.#rng;
    const gift = rng.pick(GIFTS);
    const user = this.#someone();
    const base = { kind: 'gift' as const, time, user, ...gift };
    if (gift.giftType !== 1) {
      // Not streakable: TikTok sends it once, with repeatEnd false.
      out.push({ ...base, repeatCount: 1, repeatEnd: false });
      return;
    }
    const total = rng.chance(0.85) ? rng.int(1, 10) : rng.int(11, 99);
    // A streak: a few "still going" updates, then the final count.
    for (const step of [Math.ceil(total / 3), Math.ceil((2 * total) / 3)]) {
      if (step < total) out.push({ ...base, repeatCount: step, repeatEnd: false });
    }
    out.push({ ...base, repeatCount: total, repeatEnd: true });
  }

  #rush(sale: FlashSale, t0: number, t1: number, out: UnnumberedSimMessage[]): void {
    const rng = this.#rng;
    const { perCustomerLimit, sku } = sale.options;
    const n = sale.attemptsBetween(this.#abs(t0), this.#abs(t1));
    const wasSoldOut = sale.soldOut;
    for (let i = 0; i < n; i++) {
      const time = this.#abs(t0 + ((i + 1) / (n + 1)) * (t1 - t0));
      const repeat = sale.buyers();
      const again = repeat.length > 0 && rng.chance(0.1) ? this.#presentById.get(rng.pick(repeat)) : undefined;
      const candidate = this.#someone();
      // Rush buyers are mostly people who have not bought yet; only `again` comes back for more.
      const buyer = again ?? (sale.hasBought(candidate.userId) ? this.#newcomer() : candidate);
      // Most take one; some try for more than the limit allows (or come back for more).
      const quantity = rng.chance(0.06) ? perCustomerLimit + 1 : rng.chance(0.7) ? 1 : rng.int(1, perCustomerLimit);
      const outcome = sale.attempt(buyer.userId, quantity, time);
      if (outcome.result === 'paid') this.#order(time, buyer, sku, outcome.quantity, outcome.amount, 0.02, out);
      else if (outcome.result === 'over_limit' && rng.chance(0.3)) this.#owedComments.push(rng.pick(OVER_LIMIT));
    }
    if (!wasSoldOut && sale.soldOut) {
      for (let i = 0; i < 8; i++) this.#owedComments.push(rng.pick(SOLD_OUT));
    }
  }

  #order(time: number, user: SimUser, sku: string, quantity: number, amount: number, refundChance: number, out: UnnumberedSimMessage[]): void {
    const rng = this.#rng;
    const orderId = `SIM${this.seed}-${++this.#orderSeq}`;
    out.push({ kind: 'order', time, user, orderId, sku, quantity, amount, currency: 'CNY' });
    if (rng.chance(refundChance)) this.#schedule({ at: time + rng.int(10_000, 120_000), orderId, status: 'refunded' });
    else if (rng.chance(0.01)) this.#schedule({ at: time + rng.int(2_000, 30_000), orderId, status: 'cancelled' });
  }

  #schedule(update: ScheduledUpdate): void {
    const index = this.#scheduled.findIndex((u) => u.at > update.at);
    if (index === -1) this.#scheduled.push(update);
    else this.#scheduled.splice(index, 0, update);
  }

  #dueUpdates(t1: number, out: UnnumberedSimMessage[]): void {
    const until = this.#abs(t1);
    let due = 0;
    while (due < this.#scheduled.length && (this.#scheduled[due]?.at ?? Infinity) <= until) due++;
    if (due === 0) return;
    for (const u of this.#scheduled.slice(0, due)) out.push({ kind: 'order_update', time: u.at, orderId: u.orderId, status: u.status });
    this.#scheduled = this.#scheduled.slice(due);
  }

  #newcomer(): SimUser {
    const index = ++this.#userSeq;
    const userId = String(6_800_000_000_000 + index * 7919);
    const user: SimUser = { userId, uniqueId: `user${index}`, nickname: nicknameFrom(this.#rng, index) };
    if (this.#present.length < PRESENT_USERS_MAX) {
      this.#present.push(user);
    } else {
      const slot = index % PRESENT_USERS_MAX;
      const leaving = this.#present[slot];
      if (leaving) this.#presentById.delete(leaving.userId);
      this.#present[slot] = user;
    }
    this.#presentById.set(userId, user);
    return user;
  }

  /** Someone already in the room (a newcomer when the room is empty). */
  #someone(): SimUser {
    return this.#present.length > 0 ? this.#rng.pick(this.#present) : this.#newcomer();
  }
}
