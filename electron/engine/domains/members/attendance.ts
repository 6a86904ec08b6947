import { z } from 'zod';
import { ID_MAX, Platform } from '../../../../shared/feeds/events.ts';
import { identityKey, SPEND_CURRENCY, toFen } from '../../../../shared/members/member.ts';

/**
 * Who did what in one session, per platform account, from the session's logged feed events. Pure: the caller
 * reads the rows. Watch time is an approximation: the feeds report what viewers do (enter, comment, like, buy…),
 * not when they leave, so a viewer's watch time is the span from the first to the last event naming them, clamped
 * to the session. It is a lower bound: a silent viewer who entered once counts zero.
 */
export const FEEDBACK_EVENT_KINDS = [
  'feed.comment',
  'feed.enter',
  'feed.like',
  'feed.gift',
  'feed.follow',
  'feed.share',
  'feed.order',
  'feed.orderUpdate',
  'feed.viewers',
] as const;

/** Kinds that make a session "interactive" for the member (entering and watching do not). */
const INTERACTIONS = new Set(['feed.comment', 'feed.like', 'feed.gift', 'feed.follow', 'feed.share', 'feed.order']);
const USER_KINDS = new Set(['feed.comment', 'feed.enter', 'feed.like', 'feed.gift', 'feed.follow', 'feed.share']);
const NICKNAME_MAX = 200;

const UserData = z.object({ platform: Platform, userId: z.string().min(1).max(ID_MAX), nickname: z.string().max(NICKNAME_MAX).optional() });
const OrderData = z.object({
  platform: Platform,
  userId: z.string().min(1).max(ID_MAX),
  nickname: z.string().max(200).optional(),
  orderId: z.string().min(1).max(ID_MAX),
  sku: z.string().max(200),
  quantity: z.number().int().positive(),
  amount: z.number().nonnegative().finite(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
const OrderUpdateData = z.object({ platform: Platform, orderId: z.string().min(1).max(ID_MAX), status: z.enum(['refunded', 'cancelled']) });

export interface RawEvent {
  at: number;
  kind: string;
  /** The JSON text of the event as logged (may be malformed in an imported session: such rows are skipped). */
  data: string;
}

export interface SessionOrder {
  platform: Platform;
  orderId: string;
  userId: string;
  sku: string;
  quantity: number;
  amountFen: number;
  currency: string;
  at: number;
  /** Refunded or cancelled later in the same session. */
  status: 'paid' | 'refunded' | 'cancelled';
}

export interface AccountActivity {
  platform: Platform;
  userId: string;
  /** The last non-empty nickname seen. */
  nickname: string;
  firstAt: number;
  lastAt: number;
  comments: number;
  /** Comment, like, gift, follow, share and order events (a batched like event counts once). */
  interactions: number;
  orders: SessionOrder[];
}

export interface Attendance {
  accounts: Map<string, AccountActivity>;
  /** Refunds and cancellations of orders not placed in this session (earlier sessions or shop exports). */
  laterUpdates: { platform: Platform; orderId: string; status: 'refunded' | 'cancelled' }[];
  /** Events that named no valid account or order. */
  skipped: number;
  /** Latest event time, to close the span of a session that never ended. */
  lastAt: number | null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const nicknameOf = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= NICKNAME_MAX ? v : undefined);

/**
 * Events are expected in log order (seq). An account is validated (zod) the first time it appears; its later events
 * only need the same platform and user id, which keeps 100k-event shows quick.
 */
export function aggregateAttendance(events: Iterable<RawEvent>): Attendance {
  const accounts = new Map<string, AccountActivity>();
  const invalid = new Set<string>();
  const orders = new Map<string, SessionOrder>();
  const laterUpdates = new Map<string, Attendance['laterUpdates'][number]>();
  let skipped = 0;
  let lastAt: number | null = null;

  const account = (data: unknown, at: number): AccountActivity | null => {
    if (typeof data !== 'object' || data === null) return null;
    const { platform, userId, nickname } = data as Record<string, unknown>;
    if (typeof platform !== 'string' || typeof userId !== 'string') return null;
    const key = identityKey(platform, userId);
    let a = accounts.get(key);
    if (!a) {
      if (invalid.has(key)) return null;
      const parsed = UserData.safeParse({ platform, userId, nickname });
      if (!parsed.success) {
        invalid.add(key);
        return null;
      }
      a = { platform: parsed.data.platform, userId, nickname: '', firstAt: at, lastAt: at, comments: 0, interactions: 0, orders: [] };
      accounts.set(key, a);
    }
    const name = nicknameOf(nickname);
    if (name) a.nickname = name;
    if (at < a.firstAt) a.firstAt = at;
    if (at > a.lastAt) a.lastAt = at;
    return a;
  };

  for (const e of events) {
    lastAt = lastAt === null || e.at > lastAt ? e.at : lastAt;
    if (e.kind === 'feed.viewers') continue; // room counts name nobody; they only close the span
    if (e.kind === 'feed.order') {
      const parsed = OrderData.safeParse(parseJson(e.data));
      const a = parsed.success ? account(parsed.data, e.at) : null;
      if (!parsed.success || !a) {
        skipped += 1;
        continue;
      }
      const o = parsed.data;
      a.interactions += 1;
      const key = identityKey(o.platform, o.orderId);
      if (orders.has(key)) continue;
      const order: SessionOrder = { platform: o.platform, orderId: o.orderId, userId: o.userId, sku: o.sku, quantity: o.quantity, amountFen: toFen(o.amount), currency: o.currency, at: e.at, status: 'paid' };
      orders.set(key, order);
      a.orders.push(order);
    } else if (e.kind === 'feed.orderUpdate') {
      const parsed = OrderUpdateData.safeParse(parseJson(e.data));
      if (!parsed.success) {
        skipped += 1;
        continue;
      }
      const key = identityKey(parsed.data.platform, parsed.data.orderId);
      const order = orders.get(key);
      if (order) order.status = parsed.data.status;
      else laterUpdates.set(key, parsed.data);
    } else if (USER_KINDS.has(e.kind)) {
      const a = account(parseJson(e.data), e.at);
      if (!a) {
        skipped += 1;
        continue;
      }
      if (e.kind === 'feed.comment') a.comments += 1;
      if (INTERACTIONS.has(e.kind)) a.interactions += 1;
    }
  }
  return { accounts, laterUpdates: [...laterUpdates.values()], skipped, lastAt };
}

export interface Span {
  from: number;
  to: number;
}

/**
 * Watch time of one member in the session: the union of their accounts' [first, last] spans, clamped to the
 * session (one person on two platforms at once is not counted twice).
 */
export function watchMs(intervals: readonly { firstAt: number; lastAt: number }[], span: Span): number {
  const clamp = (at: number) => Math.min(Math.max(at, span.from), span.to);
  const [only] = intervals;
  if (intervals.length === 1 && only) return clamp(only.lastAt) - clamp(only.firstAt);
  const clamped = intervals
    .map((i) => ({ from: clamp(i.firstAt), to: clamp(i.lastAt) }))
    .sort((a, b) => a.from - b.from);
  let total = 0;
  let openFrom = Number.NaN;
  let openTo = Number.NaN;
  for (const i of clamped) {
    if (Number.isNaN(openFrom) || i.from > openTo) {
      if (!Number.isNaN(openFrom)) total += openTo - openFrom;
      openFrom = i.from;
      openTo = i.to;
    } else openTo = Math.max(openTo, i.to);
  }
  if (!Number.isNaN(openFrom)) total += openTo - openFrom;
  return total;
}

/** One member's figures for the session, over all the accounts they attended with. */
export interface MemberSessionFigures {
  /** The account when there was exactly one (so a later split can take the session along). */
  single: AccountActivity | null;
  firstAt: number;
  lastAt: number;
  watchMs: number;
  comments: number;
  interactions: number;
  /** Orders still paid at the end of the session. */
  paidOrders: number;
  /** Their amount in SPEND_CURRENCY, fen. */
  spendFen: number;
}

export function memberSessionFigures(accounts: readonly AccountActivity[], span: Span): MemberSessionFigures {
  const f: MemberSessionFigures = { single: accounts.length === 1 ? (accounts[0] ?? null) : null, firstAt: Infinity, lastAt: -Infinity, watchMs: 0, comments: 0, interactions: 0, paidOrders: 0, spendFen: 0 };
  for (const a of accounts) {
    if (a.firstAt < f.firstAt) f.firstAt = a.firstAt;
    if (a.lastAt > f.lastAt) f.lastAt = a.lastAt;
    f.comments += a.comments;
    f.interactions += a.interactions;
    for (const o of a.orders) {
      if (o.status !== 'paid') continue;
      f.paidOrders += 1;
      if (o.currency === SPEND_CURRENCY) f.spendFen += o.amountFen;
    }
  }
  f.watchMs = watchMs(accounts, span);
  return f;
}
