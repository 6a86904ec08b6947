import type { DatabaseSync } from 'node:sqlite';
import { REPURCHASE_DAYS, repurchaseFigure, repurchaseWindow, shareOf, type SessionAudience } from '../../../../shared/members/audience.ts';
import { fromFen, SPEND_CURRENCY, TIERS, type MemberTier } from '../../../../shared/members/member.ts';
import type { OrdersCheck } from '../../../../shared/members/audience.ts';

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

  /** Orders of the show in member records: live ones (any status now) and shop-export ones from its time span. */
  #ordersCheck(sessionId: string, startedAt: number, endedAt: number): OrdersCheck {
    const live = this.#db
      .prepare(
        `SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS fen,
                COALESCE(SUM(status <> 'paid'), 0) AS refunded, COALESCE(SUM(CASE WHEN status <> 'paid' THEN amount_fen END), 0) AS refunded_fen
         FROM member_orders WHERE session_id = ? AND source = 'live' AND currency = ?`,
      )
      .get(sessionId, SPEND_CURRENCY) as { n: number; fen: number; refunded: number; refunded_fen: number };
    const shop = this.#db
      .prepare(
        `SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS fen FROM member_orders
         WHERE source = 'import' AND status = 'paid' AND currency = ?1 AND paid_at >= ?2 AND paid_at <= ?3
           -- Only the platforms this show ran on: the export may hold the shop's other channels too.
           AND platform IN (SELECT platform FROM member_orders WHERE session_id = ?4
                            UNION SELECT platform FROM member_sessions WHERE session_id = ?4 AND platform IS NOT NULL)`,
      )
      .get(SPEND_CURRENCY, startedAt, endedAt, sessionId) as { n: number; fen: number };
    return {
      live: live.n,
      liveAmount: fromFen(live.fen),
      refunded: live.refunded,
      refundedAmount: fromFen(live.refunded_fen),
      shopOnly: shop.n,
      shopOnlyAmount: fromFen(shop.fen),
      netAmount: fromFen(live.fen - live.refunded_fen + shop.fen),
    };
  }

  /** When the session was fed back into member records; null if it never was. */
  fedBackAt(sessionId: string): number | null {
    const run = this.#db.prepare('SELECT applied_at FROM feedback_runs WHERE session_id = ?').get(sessionId) as { applied_at: number } | undefined;
    return run?.applied_at ?? null;
  }

  read(sessionId: string, { startedAt, endedAt }: { startedAt: number; endedAt: number }, now: number): SessionAudience {
    const run = this.#db.prepare('SELECT applied_at, result FROM feedback_runs WHERE session_id = ?').get(sessionId) as { applied_at: number; result: string } | undefined;
    const tiers = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<MemberTier, number>;
    if (!run) {
      return {
        fedBackAt: null,
        members: 0,
        newMembers: 0,
        tiers,
        averageWatchMs: null,
        buyers: 0,
        firstTimeBuyers: 0,
        firstPurchaseRate: null,
        repurchase: [],
        orders: { live: 0, liveAmount: 0, refunded: 0, refundedAmount: 0, shopOnly: 0, shopOnlyAmount: 0, netAmount: 0 },
      };
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
      orders: this.#ordersCheck(sessionId, startedAt, endedAt),
    };
  }
}
