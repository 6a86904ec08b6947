import type { DatabaseSync } from 'node:sqlite';
import { REPURCHASE_DAYS, repurchaseFigure, repurchaseWindow, shareOf, type SessionAudience } from '../../../../shared/members/audience.ts';
import { TIERS, type MemberTier } from '../../../../shared/members/member.ts';

interface Count {
  n: number;
}

/**
 * Reads one broadcast's audience from member records for its review: read-only SQL over member_sessions and
 * member_orders (both indexed by session and by member), so it costs a few queries, not a replay.
 */
export class SessionAudienceReader {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  read(sessionId: string, endedAt: number, now: number): SessionAudience {
    const run = this.#db.prepare('SELECT applied_at, result FROM feedback_runs WHERE session_id = ?').get(sessionId) as { applied_at: number; result: string } | undefined;
    const tiers = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<MemberTier, number>;
    if (!run) {
      return { fedBackAt: null, members: 0, newMembers: 0, tiers, averageWatchMs: null, buyers: 0, firstTimeBuyers: 0, firstPurchaseRate: null, repurchase: [] };
    }
    const rows = this.#db
      .prepare('SELECT m.tier AS tier, COUNT(*) AS n FROM member_sessions AS ms JOIN members AS m ON m.id = ms.member_id WHERE ms.session_id = ? GROUP BY m.tier')
      .all(sessionId) as unknown as { tier: MemberTier; n: number }[];
    for (const r of rows) if (r.tier in tiers) tiers[r.tier] = r.n;
    const watch = this.#db.prepare('SELECT COUNT(*) AS n, AVG(watch_ms) AS avg FROM member_sessions WHERE session_id = ?').get(sessionId) as { n: number; avg: number | null };
    const buyers = (this.#db.prepare("SELECT COUNT(DISTINCT member_id) AS n FROM member_orders WHERE session_id = ? AND status = 'paid'").get(sessionId) as unknown as Count).n;
    // A first-time buyer has no paid order, anywhere, before their first one in this show.
    const firstTimeBuyers = (
      this.#db
        .prepare(
          `SELECT COUNT(*) AS n FROM (
             SELECT o.member_id, MIN(o.paid_at) AS first_here FROM member_orders AS o
             WHERE o.session_id = ? AND o.status = 'paid' GROUP BY o.member_id
           ) AS b
           WHERE NOT EXISTS (SELECT 1 FROM member_orders AS p WHERE p.member_id = b.member_id AND p.status = 'paid' AND p.paid_at < b.first_here)`,
        )
        .get(sessionId) as unknown as Count
    ).n;
    const repeat = this.#db.prepare(
      `SELECT COUNT(*) AS n FROM (SELECT DISTINCT member_id FROM member_orders WHERE session_id = ? AND status = 'paid') AS b
       WHERE EXISTS (SELECT 1 FROM member_orders AS p WHERE p.member_id = b.member_id AND p.status = 'paid'
                     AND p.paid_at > ? AND p.paid_at <= ? AND (p.session_id IS NULL OR p.session_id <> ?))`,
    );
    const result = JSON.parse(run.result) as { newMembers?: unknown };
    return {
      fedBackAt: run.applied_at,
      members: watch.n,
      newMembers: typeof result.newMembers === 'number' ? result.newMembers : 0,
      tiers,
      averageWatchMs: watch.avg,
      buyers,
      firstTimeBuyers,
      firstPurchaseRate: shareOf(firstTimeBuyers, buyers),
      repurchase: REPURCHASE_DAYS.map((days) => {
        const { from, to } = repurchaseWindow(endedAt, days, now);
        const n = (repeat.get(sessionId, from, to, sessionId) as unknown as Count).n;
        return repurchaseFigure(days, n, buyers, endedAt, now);
      }),
    };
  }
}
