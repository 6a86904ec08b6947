import type { FeedBackResult } from '../../../../shared/members/feedback.ts';
import { fromFen } from '../../../../shared/members/member.ts';
import { flashSaleCheck, memberSessionFigures, type AccountActivity, type Attendance, type Span } from './attendance.ts';
import type { SessionInfo } from './member-repository.ts';
import { parseNicknames, withNickname } from './member-totals.ts';
import { createMember, reassess, type WriteContext } from './member-writes.ts';

/** Tier moves listed by name in a result, for the confirmation dialog. */
const EXAMPLES = 20;

const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes one session's outcomes into the member records, inside the caller's transaction (rolled back for a dry
 * run): accounts → members, orders counted once, a member_sessions row each, totals added, tiers reassessed.
 */
export function applyFeedBack(ctx: WriteContext, session: SessionInfo, attendance: Attendance, span: Span, dryRun: boolean): FeedBackResult {
  const { repo, now } = ctx;
  const result = emptyFeedBackResult(session.id, dryRun);
  result.attendees = attendance.accounts.size;
  result.skippedEvents = attendance.skipped;
  ctx.onMove = (row, from, to, reason) => {
    if (result.examples.length < EXAMPLES) result.examples.push({ memberId: row.id, displayName: row.display_name, from, to, reason });
  };

  // 1. Accounts → members; a platform user seen for the first time becomes a member. Work in key order so the
  // B-tree pages each step touches are neighbours (50k random lookups otherwise thrash the page cache).
  const byMember = new Map<string, { accounts: AccountActivity[]; isNew: boolean }>();
  const ordered = [...attendance.accounts.entries()].sort(byKey).map(([, a]) => a);
  for (const a of ordered) {
    const known = repo.accountMember(a.platform, a.userId);
    let memberId: string;
    if (known) {
      memberId = known.member_id;
      if (a.nickname && a.nickname !== known.nickname) {
        repo.setNickname(a.platform, a.userId, a.nickname, withNickname(parseNicknames(repo.nicknames(a.platform, a.userId)), a.nickname));
      }
    } else {
      memberId = ctx.newId();
      createMember(ctx, memberId, a.nickname, 'live');
      repo.insertAccount({ platform: a.platform, userId: a.userId, memberId, nickname: a.nickname, at: now });
      result.newMembers += 1;
    }
    const group = byMember.get(memberId);
    if (group) group.accounts.push(a);
    else byMember.set(memberId, { accounts: [a], isNew: !known });
  }

  // 2. Orders, each counted once whichever came first (this feed or a shop export); refunds flip the status.
  const ordersChanged = new Set<string>();
  const inFlashSale = flashSaleCheck(attendance.saleWindows, session.show_json, span.to);
  for (const [memberId, { accounts }] of byMember) {
    for (const o of accounts.flatMap((a) => a.orders)) {
      const known = repo.order(o.platform, o.orderId);
      if (!known) {
        repo.insertOrder(
          {
            platform: o.platform,
            order_id: o.orderId,
            member_id: memberId,
            platform_user_id: o.userId,
            session_id: session.id,
            source: 'live',
            sku: o.sku,
            quantity: o.quantity,
            amount_fen: o.amountFen,
            currency: o.currency,
            status: o.status,
            paid_at: o.at,
            flash_sale: inFlashSale(o) ? 1 : 0,
          },
          now,
        );
        ordersChanged.add(memberId);
        if (o.status === 'paid') result.delta.orders += 1;
        else result.delta.refunds += 1;
      } else if (known.status === 'paid' && o.status !== 'paid') {
        repo.setOrderStatus(o.platform, o.orderId, o.status, now);
        ordersChanged.add(known.member_id);
        result.delta.refunds += 1;
      }
    }
  }
  for (const u of attendance.laterUpdates) {
    const known = repo.order(u.platform, u.orderId);
    if (known?.status !== 'paid') continue;
    repo.setOrderStatus(u.platform, u.orderId, u.status, now);
    ordersChanged.add(known.member_id);
    result.delta.refunds += 1;
  }

  // 3. One member_sessions row per member, totals added, tiers reassessed.
  const why = `session "${session.title}" (${new Date(session.started_at).toISOString().slice(0, 10)})`;
  let spendDeltaFen = 0;
  const members = [...byMember.entries()].sort(byKey);
  for (const [memberId, { accounts, isNew }] of members) {
    const f = memberSessionFigures(accounts, span);
    repo.insertMemberSession({
      member_id: memberId,
      session_id: session.id,
      platform: f.single?.platform ?? null,
      platform_user_id: f.single?.userId ?? null,
      first_seen_at: f.firstAt,
      last_seen_at: f.lastAt,
      watch_ms: f.watchMs,
      comments: f.comments,
      interactions: f.interactions,
      orders: f.paidOrders,
      spend_fen: f.spendFen,
      questions: f.questions,
    });
    const delta = {
      sessions: 1,
      interactiveSessions: f.interactions > 0 ? 1 : 0,
      watchMs: f.watchMs,
      comments: f.comments,
      interactions: f.interactions,
      nightSessions: f.night ? 1 : 0,
      questions: f.questions,
    };
    let row = repo.addSessionTotals(memberId, delta, now);
    result.delta.sessionsWatched += 1;
    result.delta.interactiveSessions += delta.interactiveSessions;
    result.delta.watchMs += f.watchMs;
    result.delta.comments += f.comments;
    result.delta.interactions += f.interactions;
    // The window spend decays as orders age out: recount it when its oldest counted order has left the window.
    if (ordersChanged.delete(memberId) || (row.spend_window_from !== null && row.spend_window_from < ctx.windowStart)) {
      const before = row.lifetime_spend_fen;
      row = repo.refreshOrderTotals(memberId, ctx.windowStart, now);
      spendDeltaFen += row.lifetime_spend_fen - before;
    }
    reassess(ctx, row, isNew, why);
  }
  // Refunds in this session of orders by members who did not attend it.
  for (const memberId of ordersChanged) {
    const before = repo.member(memberId)?.lifetime_spend_fen ?? 0;
    const row = repo.refreshOrderTotals(memberId, ctx.windowStart, now);
    spendDeltaFen += row.lifetime_spend_fen - before;
    reassess(ctx, row, false, why);
  }

  result.members = byMember.size;
  result.delta.spend = fromFen(spendDeltaFen);
  result.tierMoves = ctx.moves.list();
  repo.insertFeedbackRun(session.id, now, result);
  return result;
}

export function emptyFeedBackResult(sessionId: string, dryRun: boolean): FeedBackResult {
  return {
    sessionId,
    dryRun,
    alreadyAppliedAt: null,
    attendees: 0,
    members: 0,
    newMembers: 0,
    skippedEvents: 0,
    delta: { sessionsWatched: 0, interactiveSessions: 0, watchMs: 0, comments: 0, interactions: 0, orders: 0, refunds: 0, spend: 0 },
    tierMoves: [],
    examples: [],
  };
}

