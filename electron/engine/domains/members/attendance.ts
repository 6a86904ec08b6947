import { z } from 'zod';
import { ID_MAX, Platform } from '../../../../shared/feeds/events.ts';
import { isNightInstant } from '../../../../shared/members/auto-tags.ts';
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
  // Flash-sale status changes: when each sale was live, to tell flash-sale orders from the others.
  'sale',
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
const SaleData = z.object({ planId: z.string().min(1).max(ID_MAX), productId: z.string().min(1).max(ID_MAX), status: z.string().max(20) });
const ShowProducts = z.object({ products: z.array(z.object({ id: z.string(), sku: z.string() })).catch([]) });

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
  /** Comments marked as questions (by the platform or detect.ts, as logged). */
  questions: number;
  /** Comment, like, gift, follow, share and order events (a batched like event counts once). */
  interactions: number;
  orders: SessionOrder[];
}

/** When one flash sale was live: from its 'live' status to the next other status (null: still live at the end). */
export interface SaleWindow {
  productId: string;
  from: number;
  to: number | null;
}

export interface Attendance {
  accounts: Map<string, AccountActivity>;
  /** Refunds and cancellations of orders not placed in this session (earlier sessions or shop exports). */
  laterUpdates: { platform: Platform; orderId: string; status: 'refunded' | 'cancelled' }[];
  /** Events that named no valid account or order. */
  skipped: number;
  /** Latest event time, to close the span of a session that never ended. */
  lastAt: number | null;
  /** Flash sales while they were live, in the order they went live. */
  saleWindows: SaleWindow[];
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
  const saleWindows: SaleWindow[] = [];
  const openSales = new Map<string, SaleWindow>();

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
      a = { platform: parsed.data.platform, userId, nickname: '', firstAt: at, lastAt: at, comments: 0, questions: 0, interactions: 0, orders: [] };
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
    if (e.kind === 'sale') {
      // Not a viewer's event: never counted as skipped. A sale is logged again as units sell; only status moves matter.
      const parsed = SaleData.safeParse(parseJson(e.data));
      if (!parsed.success) continue;
      const open = openSales.get(parsed.data.planId);
      if (parsed.data.status === 'live' && !open) {
        const window: SaleWindow = { productId: parsed.data.productId, from: e.at, to: null };
        openSales.set(parsed.data.planId, window);
        saleWindows.push(window);
      } else if (parsed.data.status !== 'live' && open) {
        open.to = e.at;
        openSales.delete(parsed.data.planId);
      }
      continue;
    }
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
      const data = parseJson(e.data);
      const a = account(data, e.at);
      if (!a) {
        skipped += 1;
        continue;
      }
      if (e.kind === 'feed.comment') {
        a.comments += 1;
        if ((data as { isQuestion?: unknown }).isQuestion === true) a.questions += 1;
      }
      if (INTERACTIONS.has(e.kind)) a.interactions += 1;
    }
  }
  return { accounts, laterUpdates: [...laterUpdates.values()], skipped, lastAt, saleWindows };
}

/**
 * Which of the session's orders were flash-sale orders: placed while a flash sale of the product (matched by SKU
 * through the show's product list) was live, its closing instant included (the order that sells the last unit is
 * logged before the sale's sold-out). A sale still live at the end of the log counts until `spanEnd`.
 */
export function flashSaleCheck(windows: readonly SaleWindow[], showJson: string, spanEnd: number): (order: Pick<SessionOrder, 'sku' | 'at'>) => boolean {
  if (windows.length === 0) return () => false;
  const show = ShowProducts.safeParse(parseJson(showJson));
  const skuOf = new Map((show.success ? show.data.products : []).map((p) => [p.id, p.sku]));
  const bySku = new Map<string, { from: number; to: number }[]>();
  for (const w of windows) {
    const sku = skuOf.get(w.productId);
    if (sku === undefined) continue;
    const list = bySku.get(sku) ?? [];
    list.push({ from: w.from, to: w.to ?? Math.max(spanEnd, w.from) });
    bySku.set(sku, list);
  }
  return (order) => bySku.get(order.sku)?.some((w) => order.at >= w.from && order.at <= w.to) ?? false;
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
  questions: number;
  /** The member came in at night (their first event of the session; NIGHT in auto-tags.ts). */
  night: boolean;
}

export function memberSessionFigures(accounts: readonly AccountActivity[], span: Span): MemberSessionFigures {
  const f: MemberSessionFigures = {
    single: accounts.length === 1 ? (accounts[0] ?? null) : null,
    firstAt: Infinity,
    lastAt: -Infinity,
    watchMs: 0,
    comments: 0,
    interactions: 0,
    paidOrders: 0,
    spendFen: 0,
    questions: 0,
    night: false,
  };
  for (const a of accounts) {
    if (a.firstAt < f.firstAt) f.firstAt = a.firstAt;
    if (a.lastAt > f.lastAt) f.lastAt = a.lastAt;
    f.comments += a.comments;
    f.questions += a.questions;
    f.interactions += a.interactions;
    for (const o of a.orders) {
      if (o.status !== 'paid') continue;
      f.paidOrders += 1;
      if (o.currency === SPEND_CURRENCY) f.spendFen += o.amountFen;
    }
  }
  f.watchMs = watchMs(accounts, span);
  f.night = isNightInstant(f.firstAt);
  return f;
}
