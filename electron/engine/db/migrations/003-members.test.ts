import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrate } from '../database.ts';

function db(): DatabaseSync {
  const d = new DatabaseSync(':memory:');
  d.exec('PRAGMA foreign_keys = ON');
  migrate(d);
  return d;
}

describe('migration 003 (members)', () => {
  it('creates STRICT tables', () => {
    const d = db();
    const tables = ['members', 'member_identities', 'member_communities', 'member_tags', 'tier_history', 'member_orders', 'member_sessions', 'feedback_runs', 'member_merges'];
    const strict = d.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'").all() as { name: string; strict: number }[];
    for (const t of tables) expect(strict.find((s) => s.name === t)?.strict, t).toBe(1);
    expect(() => d.prepare("INSERT INTO members (id, origin, created_at, updated_at, tier_since, watch_ms) VALUES ('a', 'live', 0, 0, 0, 'long')").run()).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('keeps accounts, orders and member sessions unique', () => {
    const d = db();
    d.exec(`
      INSERT INTO sessions (id, kind, title, show_json, started_at) VALUES ('s', 'broadcast', 't', '{}', 0);
      INSERT INTO members (id, origin, created_at, updated_at, tier_since) VALUES ('a', 'live', 0, 0, 0), ('b', 'live', 0, 0, 0);
      INSERT INTO member_identities (platform, platform_user_id, member_id, first_seen_at) VALUES ('douyin', 'u', 'a', 0);
      INSERT INTO member_orders (platform, order_id, member_id, platform_user_id, source, quantity, amount_fen, currency, status, paid_at, updated_at)
        VALUES ('douyin', 'o', 'a', 'u', 'live', 1, 100, 'CNY', 'paid', 0, 0);
      INSERT INTO member_sessions (member_id, session_id, first_seen_at, last_seen_at, watch_ms, comments, interactions, orders, spend_fen) VALUES ('a', 's', 0, 0, 0, 0, 0, 0, 0);
    `);
    expect(() => d.exec("INSERT INTO member_identities (platform, platform_user_id, member_id, first_seen_at) VALUES ('douyin', 'u', 'b', 0)")).toThrow(/UNIQUE/);
    expect(() =>
      d.exec("INSERT INTO member_orders (platform, order_id, member_id, platform_user_id, source, quantity, amount_fen, currency, status, paid_at, updated_at) VALUES ('douyin', 'o', 'b', 'x', 'import', 1, 1, 'CNY', 'paid', 0, 0)"),
    ).toThrow(/UNIQUE/);
    expect(() => d.exec("INSERT INTO member_sessions (member_id, session_id, first_seen_at, last_seen_at, watch_ms, comments, interactions, orders, spend_fen) VALUES ('a', 's', 0, 0, 0, 0, 0, 0, 0)")).toThrow(/UNIQUE/);
    expect(() => d.exec("INSERT INTO member_tags (member_id, tag) VALUES ('ghost', 'x')")).toThrow(/FOREIGN KEY/);
  });
});
