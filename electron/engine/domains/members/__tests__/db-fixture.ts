import { DatabaseSync } from 'node:sqlite';
import { CommandFailure } from '../../../dispatch/command-failure.ts';
import { migrate } from '../../../db/database.ts';
import { SettingsRepository } from '../../settings/settings-repository.ts';
import { MemberRepository } from '../member-repository.ts';
import { MembersService, type MembersChange } from '../member-service.ts';

/** A fresh in-memory database at the latest schema. */
export function memoryDb(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db);
  return db;
}

export const DAY = 86_400_000;
export const MIN = 60_000;
export const T0 = Date.UTC(2025, 5, 1, 12, 0, 0); // 2025-06-01 12:00 UTC

export interface Harness {
  db: DatabaseSync;
  service: MembersService;
  clock: { now: number };
  changes: MembersChange[];
}

export function harness(db = memoryDb()): Harness {
  const clock = { now: T0 + 3 * 60 * MIN };
  let n = 0;
  const changes: MembersChange[] = [];
  const service = new MembersService({
    repo: new MemberRepository(db),
    settings: new SettingsRepository(db),
    now: () => clock.now,
    newId: () => `M${String(++n).padStart(4, '0')}`,
    onChange: (c) => changes.push(c),
  });
  return { db, service, clock, changes };
}

export function addSession(db: DatabaseSync, s: { id: string; kind?: 'broadcast' | 'rehearsal'; title?: string; startedAt?: number; endedAt?: number | null; show?: unknown }): void {
  db.prepare('INSERT INTO sessions (id, kind, title, show_json, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    s.id,
    s.kind ?? 'broadcast',
    s.title ?? s.id,
    JSON.stringify(s.show ?? {}),
    s.startedAt ?? T0,
    s.endedAt === undefined ? (s.startedAt ?? T0) + 2 * 60 * MIN : s.endedAt,
  );
}

type Ev = { at: number; kind: string; data: Record<string, unknown> };

/** Logged feed events, shaped as the StateRecorder writes them (`feed.<type>`, the FeedEvent as data). */
export const ev = {
  enter: (user: string, at: number, nickname = user, platform = 'douyin'): Ev => ({ at, kind: 'feed.enter', data: { type: 'enter', platform, userId: user, nickname, at } }),
  comment: (user: string, at: number, nickname = user, platform = 'douyin'): Ev => ({ at, kind: 'feed.comment', data: { type: 'comment', platform, userId: user, nickname, at, text: 'hi' } }),
  question: (user: string, at: number): Ev => ({ at, kind: 'feed.comment', data: { type: 'comment', platform: 'douyin', userId: user, nickname: user, at, text: '有优惠吗？', isQuestion: true } }),
  like: (user: string, at: number, platform = 'douyin'): Ev => ({ at, kind: 'feed.like', data: { type: 'like', platform, userId: user, nickname: user, at, count: 3 } }),
  order: (user: string, at: number, orderId: string, amount: number, platform = 'douyin', currency = 'CNY', sku = 'SKU-1'): Ev => ({
    at,
    kind: 'feed.order',
    data: { type: 'order', platform, userId: user, at, orderId, sku, quantity: 1, amount, currency, status: 'paid' },
  }),
  /** A flash sale's status as the StateRecorder logs it. */
  sale: (planId: string, productId: string, status: string, at: number): Ev => ({ at, kind: 'sale', data: { planId, productId, status, sold: 0, remaining: 10, orders: 0 } }),
  refund: (orderId: string, at: number, platform = 'douyin'): Ev => ({ at, kind: 'feed.orderUpdate', data: { type: 'orderUpdate', platform, at, orderId, status: 'refunded' } }),
  viewers: (at: number, current: number): Ev => ({ at, kind: 'feed.viewers', data: { type: 'viewers', platform: 'douyin', at, current } }),
};

export function addEvents(db: DatabaseSync, sessionId: string, events: readonly Ev[]): void {
  const seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM events WHERE session_id = ?').get(sessionId) as { s: number }).s;
  const insert = db.prepare('INSERT INTO events (session_id, seq, at, kind, ref, data) VALUES (?, ?, ?, ?, NULL, ?)');
  events.forEach((e, i) => insert.run(sessionId, seq + i + 1, e.at, e.kind, JSON.stringify({ id: `${e.kind}:${seq + i}`, feedId: 'f1', ...e.data })));
}

const MEMBER_TABLES = [
  'members',
  'member_identities',
  'member_communities',
  'member_tags',
  'member_auto_tags',
  'tier_history',
  'member_orders',
  'member_sessions',
  'feedback_runs',
  'member_merges',
  'promotion_grants',
  'member_promotions',
];

/** Every member table's rows, for "nothing changed" comparisons. */
export function dump(db: DatabaseSync): Record<string, unknown[]> {
  return Object.fromEntries(MEMBER_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all().map((r) => ({ ...r }))]));
}

export const count = (db: DatabaseSync, table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The CommandFailure `fn` throws (anything else is rethrown; not throwing fails the test). */
export function failure(fn: () => unknown): CommandFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof CommandFailure) return error;
    throw error;
  }
  throw new Error('did not fail');
}
