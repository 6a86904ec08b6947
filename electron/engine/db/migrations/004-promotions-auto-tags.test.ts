import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrate } from '../database.ts';
import { MIGRATIONS } from './index.ts';

function db(): DatabaseSync {
  const d = new DatabaseSync(':memory:');
  d.exec('PRAGMA foreign_keys = ON');
  migrate(d);
  return d;
}

describe('migration 004 (promotions and automatic tags)', () => {
  it('keeps promotions one per member and grant, and checks their values', () => {
    const d = db();
    d.exec(`
      INSERT INTO members (id, origin, created_at, updated_at, tier_since) VALUES ('a', 'live', 0, 0, 0);
      INSERT INTO promotion_grants (id, lift, starts_at, ends_at, reason, granted_at, target) VALUES (1, 'step', 0, 10, '618', 0, '{}');
      INSERT INTO member_promotions (member_id, grant_id, lift, starts_at, ends_at) VALUES ('a', 1, 'step', 0, 10);
      INSERT INTO member_auto_tags (member_id, tag) VALUES ('a', 'lurker');
    `);
    expect(() => d.exec("INSERT INTO member_promotions (member_id, grant_id, lift, starts_at, ends_at) VALUES ('a', 1, 'step', 0, 10)")).toThrow(/UNIQUE/);
    expect(() => d.exec("INSERT INTO promotion_grants (lift, starts_at, ends_at, reason, granted_at, target) VALUES ('step', 10, 10, 'x', 0, '{}')")).toThrow(/CHECK/);
    expect(() => d.exec("INSERT INTO promotion_grants (lift, starts_at, ends_at, reason, granted_at, target) VALUES ('gold', 0, 10, 'x', 0, '{}')")).toThrow(/CHECK/);
    expect(() => d.exec("INSERT INTO member_promotions (member_id, grant_id, lift, starts_at, ends_at) VALUES ('ghost', 1, 'step', 0, 10)")).toThrow(/FOREIGN KEY/);
    expect(() => d.exec("INSERT INTO tier_history (member_id, at, to_tier, reason, kind) VALUES ('a', 0, 'vip', 'x', 'other')")).toThrow(/CHECK/);
    expect(d.prepare("SELECT kind FROM tier_history WHERE 0").all()).toEqual([]);
    const strict = d.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'").all() as { name: string; strict: number }[];
    for (const t of ['member_auto_tags', 'promotion_grants', 'member_promotions']) expect(strict.find((s) => s.name === t)?.strict, t).toBe(1);
  });
});

describe('migration 004 on a database with members', () => {
  it('counts the shows already fed back that were entered at night', () => {
    const d = new DatabaseSync(':memory:');
    d.exec('PRAGMA foreign_keys = ON');
    migrate(d, MIGRATIONS.filter((m) => m.version <= 3));
    const night = Date.UTC(2025, 5, 1, 14, 0); // 22:00 China time
    d.exec(`
      INSERT INTO sessions (id, kind, title, show_json, started_at) VALUES ('s1', 'broadcast', 't', '{}', 0), ('s2', 'broadcast', 't', '{}', 0);
      INSERT INTO members (id, origin, created_at, updated_at, tier_since, sessions_watched) VALUES ('a', 'live', 0, 0, 0, 2);
      INSERT INTO member_sessions (member_id, session_id, first_seen_at, last_seen_at, watch_ms, comments, interactions, orders, spend_fen)
        VALUES ('a', 's1', ${night}, ${night}, 0, 0, 0, 0, 0), ('a', 's2', ${night - 1}, ${night}, 0, 0, 0, 0, 0);
    `);
    migrate(d);
    expect(d.prepare("SELECT night_sessions, questions, auto_tags FROM members WHERE id = 'a'").get()).toEqual({ night_sessions: 1, questions: 0, auto_tags: 0 });
  });
});
