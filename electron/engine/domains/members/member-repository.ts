import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { Platform } from '../../../../shared/feeds/events.ts';
import { AUTO_TAGS, NIGHT, type AutoTag } from '../../../../shared/members/auto-tags.ts';
import { SPEND_CURRENCY, type MemberOrigin, type MemberTier } from '../../../../shared/members/member.ts';
import type { PromotionLift } from '../../../../shared/members/promotions.ts';
import type { OrderStatus } from '../../../../shared/members/import.ts';
import type { RawEvent } from './attendance.ts';

export interface MemberRow {
  id: string;
  display_name: string;
  origin: MemberOrigin;
  created_at: number;
  updated_at: number;
  tier: MemberTier;
  tier_since: number;
  lifetime_spend_fen: number;
  spend_12m_fen: number;
  spend_as_of: number;
  orders: number;
  first_purchase_at: number | null;
  last_purchase_at: number | null;
  sessions_watched: number;
  interactive_sessions: number;
  watch_ms: number;
  comments: number;
  interactions: number;
  community_activities: number;
  community_as_of: number | null;
  spend_window_from: number | null;
  questions: number;
  night_sessions: number;
  flash_sale_orders: number;
  /** Automatic tags as a bit mask (bit i = AUTO_TAGS[i]). */
  auto_tags: number;
}

/** The columns a tier and auto-tag decision (and the feed-back around it) reads; what the hot UPDATEs return. */
export type TierRow = Pick<
  MemberRow,
  | 'id'
  | 'display_name'
  | 'tier'
  | 'lifetime_spend_fen'
  | 'spend_12m_fen'
  | 'spend_window_from'
  | 'orders'
  | 'first_purchase_at'
  | 'last_purchase_at'
  | 'sessions_watched'
  | 'interactive_sessions'
  | 'watch_ms'
  | 'comments'
  | 'community_activities'
  | 'questions'
  | 'night_sessions'
  | 'flash_sale_orders'
  | 'auto_tags'
>;

const TIER_COLUMNS =
  'id, display_name, tier, lifetime_spend_fen, spend_12m_fen, spend_window_from, orders, first_purchase_at, last_purchase_at, sessions_watched, interactive_sessions, watch_ms, comments, community_activities, questions, night_sessions, flash_sale_orders, auto_tags';

/** Whether a member_sessions row's first appearance is at night (NIGHT, the same rule as isNightInstant). */
const NIGHT_SQL = (() => {
  const local = `((first_seen_at + ${NIGHT.utcOffsetMinutes * 60_000}) % 86400000)`;
  return `(${local} >= ${NIGHT.fromHour * 3_600_000} OR ${local} < ${NIGHT.toHour * 3_600_000})`;
})();

export interface AccountRow {
  platform: Platform;
  platform_user_id: string;
  member_id: string;
  nickname: string;
  /** JSON array of strings, oldest first. */
  nicknames: string;
  first_seen_at: number;
}

export interface OrderRow {
  platform: Platform;
  order_id: string;
  member_id: string;
  platform_user_id: string;
  session_id: string | null;
  source: 'live' | 'import';
  sku: string;
  quantity: number;
  amount_fen: number;
  currency: string;
  status: OrderStatus;
  paid_at: number;
  updated_at: number;
  /** 1 when placed while a flash sale of the product was live. */
  flash_sale: number;
}

export interface MemberSessionRow {
  member_id: string;
  session_id: string;
  platform: string | null;
  platform_user_id: string | null;
  first_seen_at: number;
  last_seen_at: number;
  watch_ms: number;
  comments: number;
  interactions: number;
  orders: number;
  spend_fen: number;
  questions: number;
}

export interface SessionInfo {
  id: string;
  kind: 'broadcast' | 'rehearsal';
  title: string;
  started_at: number;
  ended_at: number | null;
  /** The show as it ran (JSON), for the products of its flash sales. */
  show_json: string;
}

export interface TierHistoryRow {
  at: number;
  from_tier: MemberTier | null;
  to_tier: MemberTier;
  reason: string;
  kind: 'rules' | 'promotion';
}

export interface SessionDelta {
  sessions: number;
  interactiveSessions: number;
  watchMs: number;
  comments: number;
  interactions: number;
  nightSessions: number;
  questions: number;
}

export interface PromotionRow {
  member_id: string;
  grant_id: number;
  lift: PromotionLift;
  starts_at: number;
  ends_at: number;
  revoked_at: number | null;
  start_logged: number;
  end_logged: number;
}

export interface MemberPromotionRow extends PromotionRow {
  reason: string;
  granted_at: number;
}

export interface GrantRow {
  id: number;
  lift: PromotionLift;
  starts_at: number;
  ends_at: number;
  reason: string;
  granted_at: number;
  target: string;
}

/** Filters of a selection (see PromotionSelection) and of search; every one given must hold. */
export interface MemberFilter {
  tier?: MemberTier | undefined;
  tag?: string | undefined;
  autoTag?: AutoTag | undefined;
}

export interface ExportRow extends MemberRow {
  tags: string | null;
  communities: string | null;
  accounts: string | null;
}

/** `%`, `_` and the escape itself are literal in a search; pair with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** GLOB has no escape character: a wildcard is made literal by a one-character class. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[]/g, (c) => `[${c}]`);
}

const MEMBER_COLUMNS = `id, display_name, origin, created_at, updated_at, tier, tier_since, lifetime_spend_fen, spend_12m_fen, spend_as_of, orders,
  first_purchase_at, last_purchase_at, sessions_watched, interactive_sessions, watch_ms, comments, interactions, community_activities, community_as_of, spend_window_from,
  questions, night_sessions, flash_sale_orders, auto_tags`;

const PREFIXED_MEMBER_COLUMNS = MEMBER_COLUMNS.split(',')
  .map((c) => `m.${c.trim()}`)
  .join(', ');

/** Statements built from the column lists once: hot paths reuse the same string (and its cached statement). */
const SQL = {
  member: `SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ?`,
  memberPage: `SELECT ${MEMBER_COLUMNS} FROM members WHERE id > ? ORDER BY id LIMIT ?`,
  topBySpend: `SELECT ${MEMBER_COLUMNS} FROM members ORDER BY lifetime_spend_fen DESC LIMIT ?`,
  addSessionTotals: `UPDATE members SET sessions_watched = sessions_watched + ?, interactive_sessions = interactive_sessions + ?, watch_ms = watch_ms + ?,
    comments = comments + ?, interactions = interactions + ?, night_sessions = night_sessions + ?, questions = questions + ?, updated_at = ? WHERE id = ? RETURNING ${TIER_COLUMNS}`,
  refreshOrderTotals: `UPDATE members SET (orders, lifetime_spend_fen, spend_12m_fen, spend_window_from, first_purchase_at, last_purchase_at, flash_sale_orders) = (
      SELECT COUNT(*), COALESCE(SUM(CASE WHEN currency = ?1 THEN amount_fen END), 0),
             COALESCE(SUM(CASE WHEN currency = ?1 AND paid_at >= ?2 THEN amount_fen END), 0),
             MIN(CASE WHEN currency = ?1 AND paid_at >= ?2 THEN paid_at END), MIN(paid_at), MAX(paid_at), COALESCE(SUM(flash_sale), 0)
      FROM member_orders WHERE member_id = ?3 AND status = 'paid'),
    spend_as_of = ?4, updated_at = ?4
    WHERE id = ?3 RETURNING ${TIER_COLUMNS}`,
  cardByAccount: `SELECT ${PREFIXED_MEMBER_COLUMNS} FROM member_identities AS i JOIN members AS m ON m.id = i.member_id
    WHERE i.platform = ? AND i.platform_user_id = ?`,
  exportRows: `SELECT ${PREFIXED_MEMBER_COLUMNS},
      (SELECT group_concat(tag, '|' ORDER BY tag) FROM member_tags WHERE member_id = m.id) AS tags,
      (SELECT group_concat(community_id, '|' ORDER BY community_id) FROM member_communities WHERE member_id = m.id) AS communities,
      (SELECT group_concat(platform || ':' || platform_user_id, '|' ORDER BY platform, platform_user_id) FROM member_identities WHERE member_id = m.id) AS accounts
    FROM members AS m ORDER BY m.id`,
} as const;

/** A WHERE clause over `members AS m` for a filter; with no filter, every member. */
function filterSql(filter: MemberFilter): { sql: string; params: SQLInputValue[] } {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  if (filter.tier !== undefined) {
    where.push('m.tier = ?');
    params.push(filter.tier);
  }
  if (filter.tag !== undefined) {
    where.push('m.id IN (SELECT member_id FROM member_tags WHERE tag = ? COLLATE NOCASE)');
    params.push(filter.tag);
  }
  if (filter.autoTag !== undefined) {
    where.push('m.id IN (SELECT member_id FROM member_auto_tags WHERE tag = ?)');
    params.push(filter.autoTag);
  }
  return { sql: where.length > 0 ? where.join(' AND ') : '1', params };
}

/** SQL for member records. Callers group writes with `transaction`; nothing here opens one on its own. */
export class MemberRepository {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  #q(sql: string): StatementSync {
    let s = this.#statements.get(sql);
    if (!s) {
      s = this.#db.prepare(sql);
      this.#statements.set(sql, s);
    }
    return s;
  }

  #get<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.#q(sql).get(...params) as T | undefined;
  }

  #all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.#q(sql).all(...params) as unknown as T[];
  }

  #run(sql: string, ...params: SQLInputValue[]): number {
    return Number(this.#q(sql).run(...params).changes);
  }

  /**
   * Runs `fn` in one write transaction. With `commit` false (or answering false for the result) everything is rolled
   * back: dry runs, previews, imports with errors.
   */
  transaction<T>(fn: () => T, commit: boolean | ((result: T) => boolean) = true): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.#db.exec((typeof commit === 'function' ? commit(result) : commit) ? 'COMMIT' : 'ROLLBACK');
      return result;
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  // ---- sessions (migration 002) ----------------------------------------------------------------------------

  session(id: string): SessionInfo | undefined {
    return this.#get('SELECT id, kind, title, started_at, ended_at, show_json FROM sessions WHERE id = ?', id);
  }

  /** The session's events of `kinds` in log order, read as arrays (half the cost of row objects for 100k-event shows). */
  sessionEvents(sessionId: string, kinds: readonly string[]): RawEvent[] {
    const placeholders = kinds.map(() => '?').join(', ');
    const statement = this.#q(`SELECT at, kind, data FROM events WHERE session_id = ? AND kind IN (${placeholders}) ORDER BY seq`);
    statement.setReturnArrays(true);
    const rows = statement.all(sessionId, ...kinds) as unknown as [number, string, string][];
    return rows.map(([at, kind, data]) => ({ at, kind, data }));
  }

  feedbackRun(sessionId: string): { applied_at: number } | undefined {
    return this.#get('SELECT applied_at FROM feedback_runs WHERE session_id = ?', sessionId);
  }

  insertFeedbackRun(sessionId: string, at: number, result: unknown): void {
    this.#run('INSERT INTO feedback_runs (session_id, applied_at, result) VALUES (?, ?, ?)', sessionId, at, JSON.stringify(result));
  }

  // ---- members and accounts -------------------------------------------------------------------------------

  member(id: string): MemberRow | undefined {
    return this.#get(SQL.member, id);
  }

  insertMember(m: { id: string; displayName: string; origin: MemberOrigin; at: number }): void {
    this.#run('INSERT INTO members (id, display_name, origin, created_at, updated_at, tier_since, spend_as_of) VALUES (?, ?, ?, ?, ?, ?, ?)', m.id, m.displayName, m.origin, m.at, m.at, m.at, m.at);
  }

  setDisplayName(id: string, name: string, at: number): void {
    this.#run('UPDATE members SET display_name = ?, updated_at = ? WHERE id = ?', name, at, id);
  }

  deleteMember(id: string): void {
    this.#run('DELETE FROM member_auto_tags WHERE member_id = ?', id);
    this.#run('DELETE FROM members WHERE id = ?', id);
  }

  account(platform: string, userId: string): AccountRow | undefined {
    return this.#get('SELECT * FROM member_identities WHERE platform = ? AND platform_user_id = ?', platform, userId);
  }

  /** The member and current nickname of an account (feed-back's per-viewer lookup; the history is read only on a change). */
  accountMember(platform: string, userId: string): { member_id: string; nickname: string } | undefined {
    return this.#get('SELECT member_id, nickname FROM member_identities WHERE platform = ? AND platform_user_id = ?', platform, userId);
  }

  nicknames(platform: string, userId: string): string {
    return this.#get<{ nicknames: string }>('SELECT nicknames FROM member_identities WHERE platform = ? AND platform_user_id = ?', platform, userId)?.nicknames ?? '[]';
  }

  accountsOf(memberId: string): AccountRow[] {
    return this.#all('SELECT * FROM member_identities WHERE member_id = ? ORDER BY first_seen_at, platform, platform_user_id', memberId);
  }

  insertAccount(a: { platform: string; userId: string; memberId: string; nickname: string; at: number }): void {
    this.#run(
      'INSERT INTO member_identities (platform, platform_user_id, member_id, nickname, nicknames, first_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
      a.platform,
      a.userId,
      a.memberId,
      a.nickname,
      JSON.stringify(a.nickname ? [a.nickname] : []),
      a.at,
    );
  }

  setNickname(platform: string, userId: string, nickname: string, nicknames: readonly string[]): void {
    this.#run('UPDATE member_identities SET nickname = ?, nicknames = ? WHERE platform = ? AND platform_user_id = ?', nickname, JSON.stringify(nicknames), platform, userId);
  }

  setAccountMember(platform: string, userId: string, memberId: string): void {
    this.#run('UPDATE member_identities SET member_id = ? WHERE platform = ? AND platform_user_id = ?', memberId, platform, userId);
  }

  tagsOf(memberId: string): string[] {
    return this.#all<{ tag: string }>('SELECT tag FROM member_tags WHERE member_id = ? ORDER BY tag', memberId).map((r) => r.tag);
  }

  addTag(memberId: string, tag: string): boolean {
    return this.#run('INSERT OR IGNORE INTO member_tags (member_id, tag) VALUES (?, ?)', memberId, tag) > 0;
  }

  communitiesOf(memberId: string): string[] {
    return this.#all<{ community_id: string }>('SELECT community_id FROM member_communities WHERE member_id = ? ORDER BY community_id', memberId).map((r) => r.community_id);
  }

  communityOwner(communityId: string): string | undefined {
    return this.#get<{ member_id: string }>('SELECT member_id FROM member_communities WHERE community_id = ?', communityId)?.member_id;
  }

  addCommunity(memberId: string, communityId: string): void {
    this.#run('INSERT INTO member_communities (community_id, member_id) VALUES (?, ?)', communityId, memberId);
  }

  setCommunityActivities(memberId: string, count: number, asOf: number | null, at: number): void {
    this.#run('UPDATE members SET community_activities = ?, community_as_of = ?, updated_at = ? WHERE id = ?', count, asOf, at, memberId);
  }

  // ---- tiers ----------------------------------------------------------------------------------------------

  setTier(memberId: string, tier: MemberTier, at: number): void {
    this.#run('UPDATE members SET tier = ?, tier_since = ? WHERE id = ?', tier, at, memberId);
  }

  addTierHistory(memberId: string, at: number, from: MemberTier | null, to: MemberTier, reason: string, kind: 'rules' | 'promotion' = 'rules'): void {
    this.#run('INSERT INTO tier_history (member_id, at, from_tier, to_tier, reason, kind) VALUES (?, ?, ?, ?, ?, ?)', memberId, at, from, to, reason, kind);
  }

  tierHistory(memberId: string, limit = 100): TierHistoryRow[] {
    return this.#all('SELECT at, from_tier, to_tier, reason, kind FROM tier_history WHERE member_id = ? ORDER BY at DESC, id DESC LIMIT ?', memberId, limit);
  }

  // ---- automatic tags -------------------------------------------------------------------------------------

  /** Replaces the member's automatic tags (mask and rows) with `mask`; manual tags are another table. */
  setAutoTags(memberId: string, before: number, mask: number): void {
    this.#run('UPDATE members SET auto_tags = ? WHERE id = ?', mask, memberId);
    AUTO_TAGS.forEach((tag, i) => {
      const had = (before & (1 << i)) !== 0;
      const has = (mask & (1 << i)) !== 0;
      if (had && !has) this.#run('DELETE FROM member_auto_tags WHERE member_id = ? AND tag = ?', memberId, tag);
      else if (has && !had) this.#run('INSERT OR IGNORE INTO member_auto_tags (member_id, tag) VALUES (?, ?)', memberId, tag);
    });
  }

  // ---- temporary promotions -------------------------------------------------------------------------------

  insertGrant(g: Omit<GrantRow, 'id'>): number {
    const row = this.#get<{ id: number }>(
      'INSERT INTO promotion_grants (lift, starts_at, ends_at, reason, granted_at, target) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      g.lift,
      g.starts_at,
      g.ends_at,
      g.reason,
      g.granted_at,
      g.target,
    );
    return row?.id ?? 0;
  }

  grant(id: number): GrantRow | undefined {
    return this.#get('SELECT * FROM promotion_grants WHERE id = ?', id);
  }

  insertPromotion(p: Omit<PromotionRow, 'revoked_at'>): void {
    this.#run(
      'INSERT INTO member_promotions (member_id, grant_id, lift, starts_at, ends_at, start_logged, end_logged) VALUES (?, ?, ?, ?, ?, ?, ?)',
      p.member_id,
      p.grant_id,
      p.lift,
      p.starts_at,
      p.ends_at,
      p.start_logged,
      p.end_logged,
    );
  }

  /** Every promotion of the member with its grant's reason, oldest grant first. */
  promotionsOf(memberId: string): MemberPromotionRow[] {
    return this.#all(
      `SELECT p.*, g.reason, g.granted_at FROM member_promotions AS p JOIN promotion_grants AS g ON g.id = p.grant_id
       WHERE p.member_id = ? ORDER BY p.grant_id`,
      memberId,
    );
  }

  /** The member's promotions not over at `at` (not revoked, not ended): the ones that can lift them now or later. */
  openPromotionsOf(memberId: string, at: number): MemberPromotionRow[] {
    return this.#all(
      `SELECT p.*, g.reason, g.granted_at FROM member_promotions AS p JOIN promotion_grants AS g ON g.id = p.grant_id
       WHERE p.member_id = ? AND p.revoked_at IS NULL AND p.ends_at > ? ORDER BY p.grant_id`,
      memberId,
      at,
    );
  }

  /** Promotions active at `at`, with the member's computed tier (for counts by effective tier and the export). */
  activePromotions(at: number): (PromotionRow & { tier: MemberTier })[] {
    return this.#all(
      `SELECT p.*, m.tier FROM member_promotions AS p JOIN members AS m ON m.id = p.member_id
       WHERE p.revoked_at IS NULL AND p.ends_at > ?1 AND p.starts_at <= ?1 ORDER BY p.member_id`,
      at,
    );
  }

  /** Members with a promotion start or end due by `at` that is not in the tier history yet. */
  membersWithEdgesOwed(at: number): string[] {
    return this.#all<{ member_id: string }>(
      `SELECT member_id FROM member_promotions WHERE start_logged = 0 AND starts_at <= ?1
       UNION SELECT member_id FROM member_promotions WHERE end_logged = 0 AND ends_at <= ?1`,
      at,
    ).map((r) => r.member_id);
  }

  markPromotionLogged(memberId: string, grantId: number, edge: 'start' | 'end'): void {
    this.#run(`UPDATE member_promotions SET ${edge === 'start' ? 'start_logged' : 'end_logged'} = 1 WHERE member_id = ? AND grant_id = ?`, memberId, grantId);
  }

  /** Marks one member's promotion revoked at `at` (both edges then count as written). */
  revokePromotion(memberId: string, grantId: number, at: number): void {
    this.#run('UPDATE member_promotions SET revoked_at = ?, start_logged = 1, end_logged = 1 WHERE member_id = ? AND grant_id = ?', at, memberId, grantId);
  }

  /** Members of a grant whose promotion is not over at `at`. */
  openMembersOfGrant(grantId: number, at: number): string[] {
    return this.#all<{ member_id: string }>('SELECT member_id FROM member_promotions WHERE grant_id = ? AND revoked_at IS NULL AND ends_at > ? ORDER BY member_id', grantId, at).map(
      (r) => r.member_id,
    );
  }

  /** Grants with at least one member whose promotion is not over at `at`, newest first, with their counts. */
  openGrants(at: number): (GrantRow & { members: number; open_members: number })[] {
    return this.#all(
      `SELECT g.*, (SELECT COUNT(*) FROM member_promotions WHERE grant_id = g.id) AS members, o.open_members
       FROM (SELECT grant_id, COUNT(*) AS open_members FROM member_promotions WHERE revoked_at IS NULL AND ends_at > ? GROUP BY grant_id) AS o
       JOIN promotion_grants AS g ON g.id = o.grant_id ORDER BY g.id DESC`,
      at,
    );
  }

  movePromotions(fromId: string, toId: string): void {
    this.#run(
      `INSERT OR IGNORE INTO member_promotions (member_id, grant_id, lift, starts_at, ends_at, revoked_at, start_logged, end_logged)
       SELECT ?, grant_id, lift, starts_at, ends_at, revoked_at, start_logged, end_logged FROM member_promotions WHERE member_id = ?`,
      toId,
      fromId,
    );
    this.#run('DELETE FROM member_promotions WHERE member_id = ?', fromId);
  }

  /** Ids of the members a selection matches now, in id order. */
  selectionIds(filter: MemberFilter): string[] {
    const { sql, params } = filterSql(filter);
    return this.#all<{ id: string }>(`SELECT m.id FROM members AS m WHERE ${sql} ORDER BY m.id`, ...params).map((r) => r.id);
  }

  selectionCount(filter: MemberFilter): number {
    const { sql, params } = filterSql(filter);
    return this.#get<{ n: number }>(`SELECT COUNT(*) AS n FROM members AS m WHERE ${sql}`, ...params)?.n ?? 0;
  }

  /** The biggest spenders among the members a filter matches. */
  topBySpendWhere(filter: MemberFilter, limit: number): MemberRow[] {
    const { sql, params } = filterSql(filter);
    return this.#all(`SELECT ${PREFIXED_MEMBER_COLUMNS} FROM members AS m WHERE ${sql} ORDER BY m.lifetime_spend_fen DESC LIMIT ?`, ...params, limit);
  }

  /** Whether the member matches a filter. */
  matches(memberId: string, filter: MemberFilter): boolean {
    const { sql, params } = filterSql(filter);
    return this.#get(`SELECT 1 AS ok FROM members AS m WHERE m.id = ? AND ${sql}`, memberId, ...params) !== undefined;
  }

  /** Whole-table counts for the member KPIs (one pass over members). `lapsedMask` is the auto-tag bit of "lapsed". */
  healthCounts(lapsedMask: number): { members: number; buyers: number; spendFen: number; repeatBuyers: number; lapsed: number } {
    return (
      this.#get<{ members: number; buyers: number; spendFen: number; repeatBuyers: number; lapsed: number }>(
        `SELECT COUNT(*) AS members, COALESCE(SUM(orders > 0), 0) AS buyers, COALESCE(SUM(CASE WHEN orders > 0 THEN lifetime_spend_fen END), 0) AS spendFen,
                COALESCE(SUM(orders > 1), 0) AS repeatBuyers, COALESCE(SUM(orders > 0 AND (auto_tags & ?) <> 0), 0) AS lapsed
         FROM members`,
        lapsedMask,
      ) ?? { members: 0, buyers: 0, spendFen: 0, repeatBuyers: 0, lapsed: 0 }
    );
  }

  tierCounts(): Partial<Record<MemberTier, number>> {
    const rows = this.#all<{ tier: MemberTier; n: number }>('SELECT tier, COUNT(*) AS n FROM members GROUP BY tier');
    return Object.fromEntries(rows.map((r) => [r.tier, r.n]));
  }

  /** A page of members in id order, for whole-table passes that must not hold 500k rows at once. */
  memberPage(afterId: string, limit: number): MemberRow[] {
    return this.#all(SQL.memberPage, afterId, limit);
  }

  /** Spend in the window (and its oldest order) for the members of one page, through the per-member order index. */
  windowSpendForPage(afterId: string, limit: number, windowStart: number): Map<string, { fen: number; from: number }> {
    const rows = this.#all<{ member_id: string; fen: number; from_at: number }>(
      `SELECT o.member_id, SUM(o.amount_fen) AS fen, MIN(o.paid_at) AS from_at FROM (SELECT id FROM members WHERE id > ? ORDER BY id LIMIT ?) AS p
       JOIN member_orders AS o ON o.member_id = p.id AND o.paid_at >= ? AND o.status = 'paid' AND o.currency = ?
       GROUP BY o.member_id`,
      afterId,
      limit,
      windowStart,
      SPEND_CURRENCY,
    );
    return new Map(rows.map((r) => [r.member_id, { fen: r.fen, from: r.from_at }]));
  }

  setWindowSpend(memberId: string, fen: number, from: number | null, asOf: number): void {
    this.#run('UPDATE members SET spend_12m_fen = ?, spend_window_from = ?, spend_as_of = ? WHERE id = ?', fen, from, asOf, memberId);
  }

  // ---- orders ---------------------------------------------------------------------------------------------

  order(platform: string, orderId: string): OrderRow | undefined {
    return this.#get('SELECT * FROM member_orders WHERE platform = ? AND order_id = ?', platform, orderId);
  }

  insertOrder(o: Omit<OrderRow, 'updated_at' | 'flash_sale'> & { flash_sale?: number }, at: number): void {
    this.#run(
      `INSERT INTO member_orders (platform, order_id, member_id, platform_user_id, session_id, source, sku, quantity, amount_fen, currency, status, paid_at, updated_at, flash_sale)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      o.platform,
      o.order_id,
      o.member_id,
      o.platform_user_id,
      o.session_id,
      o.source,
      o.sku,
      o.quantity,
      o.amount_fen,
      o.currency,
      o.status,
      o.paid_at,
      at,
      o.flash_sale ?? 0,
    );
  }

  setOrderStatus(platform: string, orderId: string, status: OrderStatus, at: number): void {
    this.#run('UPDATE member_orders SET status = ?, updated_at = ? WHERE platform = ? AND order_id = ?', status, at, platform, orderId);
  }

  updateOrder(o: Pick<OrderRow, 'platform' | 'order_id' | 'sku' | 'quantity' | 'amount_fen' | 'currency' | 'status' | 'paid_at'>, at: number): void {
    this.#run(
      'UPDATE member_orders SET sku = ?, quantity = ?, amount_fen = ?, currency = ?, status = ?, paid_at = ?, updated_at = ? WHERE platform = ? AND order_id = ?',
      o.sku,
      o.quantity,
      o.amount_fen,
      o.currency,
      o.status,
      o.paid_at,
      at,
      o.platform,
      o.order_id,
    );
  }

  /** Moves one account's orders (or all of them) between members; returns how many. */
  moveOrders(fromId: string, toId: string, account: { platform: string; userId: string } | null): number {
    return account
      ? this.#run('UPDATE member_orders SET member_id = ? WHERE member_id = ? AND platform = ? AND platform_user_id = ?', toId, fromId, account.platform, account.userId)
      : this.#run('UPDATE member_orders SET member_id = ? WHERE member_id = ?', toId, fromId);
  }

  // ---- sessions per member --------------------------------------------------------------------------------

  insertMemberSession(r: MemberSessionRow): void {
    this.#run(
      `INSERT INTO member_sessions (member_id, session_id, platform, platform_user_id, first_seen_at, last_seen_at, watch_ms, comments, interactions, orders, spend_fen, questions)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      r.member_id,
      r.session_id,
      r.platform,
      r.platform_user_id,
      r.first_seen_at,
      r.last_seen_at,
      r.watch_ms,
      r.comments,
      r.interactions,
      r.orders,
      r.spend_fen,
      r.questions,
    );
  }

  recentSessions(memberId: string, limit = 20): (MemberSessionRow & { title: string; started_at: number })[] {
    return this.#all(
      `SELECT ms.*, s.title, s.started_at FROM member_sessions AS ms JOIN sessions AS s ON s.id = ms.session_id
       WHERE ms.member_id = ? ORDER BY s.started_at DESC LIMIT ?`,
      memberId,
      limit,
    );
  }

  /**
   * Moves one account's session rows (or all) between members. Where the target already has the session, the two
   * rows become one: counts add up, watch time is the union of the two spans (at most their sum), the account NULL.
   */
  moveSessions(fromId: string, toId: string, account: { platform: string; userId: string } | null): number {
    const rows = account
      ? this.#all<MemberSessionRow>('SELECT * FROM member_sessions WHERE member_id = ? AND platform = ? AND platform_user_id = ?', fromId, account.platform, account.userId)
      : this.#all<MemberSessionRow>('SELECT * FROM member_sessions WHERE member_id = ?', fromId);
    for (const r of rows) {
      const there = this.#get<MemberSessionRow>('SELECT * FROM member_sessions WHERE member_id = ? AND session_id = ?', toId, r.session_id);
      if (there) {
        const first = Math.min(there.first_seen_at, r.first_seen_at);
        const last = Math.max(there.last_seen_at, r.last_seen_at);
        this.#run(
          `UPDATE member_sessions SET platform = NULL, platform_user_id = NULL, first_seen_at = ?, last_seen_at = ?, watch_ms = ?, comments = ?,
           interactions = ?, orders = ?, spend_fen = ?, questions = ? WHERE member_id = ? AND session_id = ?`,
          first,
          last,
          Math.min(there.watch_ms + r.watch_ms, last - first),
          there.comments + r.comments,
          there.interactions + r.interactions,
          there.orders + r.orders,
          there.spend_fen + r.spend_fen,
          there.questions + r.questions,
          toId,
          r.session_id,
        );
        this.#run('DELETE FROM member_sessions WHERE member_id = ? AND session_id = ?', fromId, r.session_id);
      } else {
        this.#run('UPDATE member_sessions SET member_id = ? WHERE member_id = ? AND session_id = ?', toId, fromId, r.session_id);
      }
    }
    return rows.length;
  }

  // ---- totals (a cache of member_sessions and member_orders) -----------------------------------------------

  /** Adds one session's figures and answers the member as it is now. */
  addSessionTotals(memberId: string, d: SessionDelta, at: number): TierRow {
    return this.#get(SQL.addSessionTotals, d.sessions, d.interactiveSessions, d.watchMs, d.comments, d.interactions, d.nightSessions, d.questions, at, memberId) as TierRow;
  }

  /** Recounts the order figures from member_orders (paid orders; spend in SPEND_CURRENCY only). */
  refreshOrderTotals(memberId: string, windowStart: number, at: number): TierRow {
    return this.#get(SQL.refreshOrderTotals, SPEND_CURRENCY, windowStart, memberId, at) as TierRow;
  }

  /** Recounts every figure from the source tables (after merges, splits and account moves). */
  refreshTotals(memberId: string, windowStart: number, at: number): TierRow {
    this.#run(
      `UPDATE members SET (sessions_watched, interactive_sessions, watch_ms, comments, interactions, night_sessions, questions) = (
         SELECT COUNT(*), COALESCE(SUM(interactions > 0), 0), COALESCE(SUM(watch_ms), 0), COALESCE(SUM(comments), 0), COALESCE(SUM(interactions), 0),
                COALESCE(SUM(${NIGHT_SQL}), 0), COALESCE(SUM(questions), 0)
         FROM member_sessions WHERE member_id = ?1)
       WHERE id = ?1`,
      memberId,
    );
    return this.refreshOrderTotals(memberId, windowStart, at);
  }

  // ---- merge / split --------------------------------------------------------------------------------------

  moveAccounts(fromId: string, toId: string): number {
    return this.#run('UPDATE member_identities SET member_id = ? WHERE member_id = ?', toId, fromId);
  }

  moveTags(fromId: string, toId: string): void {
    this.#run('INSERT OR IGNORE INTO member_tags (member_id, tag) SELECT ?, tag FROM member_tags WHERE member_id = ?', toId, fromId);
    this.#run('DELETE FROM member_tags WHERE member_id = ?', fromId);
  }

  moveCommunities(fromId: string, toId: string): void {
    this.#run('UPDATE member_communities SET member_id = ? WHERE member_id = ?', toId, fromId);
  }

  moveTierHistory(fromId: string, toId: string): void {
    this.#run('UPDATE tier_history SET member_id = ? WHERE member_id = ?', toId, fromId);
  }

  addAudit(a: { kind: 'merge' | 'split' | 'move'; targetId: string; sourceId: string; account: string | null; at: number; reason: string; details: unknown }): void {
    this.#run(
      'INSERT INTO member_merges (kind, target_id, source_id, account, at, reason, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
      a.kind,
      a.targetId,
      a.sourceId,
      a.account,
      a.at,
      a.reason,
      JSON.stringify(a.details),
    );
  }

  audits(memberId: string): { kind: string; target_id: string; source_id: string; account: string | null; at: number; reason: string; details: string }[] {
    return this.#all('SELECT kind, target_id, source_id, account, at, reason, details FROM member_merges WHERE target_id = ?1 OR source_id = ?1 ORDER BY id', memberId);
  }

  // ---- search, lookup, export -----------------------------------------------------------------------------

  /**
   * Members whose id, account id or community id (case-sensitive), or nickname, display name or tag (case-insensitive
   * for ASCII) starts with `text`; each source through its own index, capped at `limit`.
   */
  searchIds(text: string, limit: number): { member_id: string; value: string; field: string }[] {
    const like = `${escapeLike(text)}%`;
    const glob = `${escapeGlob(text)}*`;
    const sources: [string, string, string][] = [
      ['member_id', glob, `SELECT id AS member_id, id AS value FROM members WHERE id GLOB ? LIMIT ?`],
      ['platform_user_id', glob, `SELECT member_id, platform_user_id AS value FROM member_identities WHERE platform_user_id GLOB ? LIMIT ?`],
      ['community_id', glob, `SELECT member_id, community_id AS value FROM member_communities WHERE community_id GLOB ? LIMIT ?`],
      ['name', like, `SELECT id AS member_id, display_name AS value FROM members WHERE display_name LIKE ? ESCAPE '\\' LIMIT ?`],
      ['nickname', like, `SELECT member_id, nickname AS value FROM member_identities WHERE nickname LIKE ? ESCAPE '\\' LIMIT ?`],
      ['tag', like, `SELECT member_id, tag AS value FROM member_tags WHERE tag LIKE ? ESCAPE '\\' LIMIT ?`],
      ['autoTag', glob, `SELECT member_id, tag AS value FROM member_auto_tags WHERE tag GLOB ? LIMIT ?`],
    ];
    return sources.flatMap(([field, pattern, sql]) => this.#all<{ member_id: string; value: string }>(sql, pattern, limit).map((r) => ({ ...r, field })));
  }

  topBySpend(limit: number): MemberRow[] {
    return this.#all(SQL.topBySpend, limit);
  }

  cardByAccount(platform: string, userId: string): MemberRow | undefined {
    return this.#get(SQL.cardByAccount, platform, userId);
  }

  *exportRows(): Generator<ExportRow> {
    for (const row of this.#q(SQL.exportRows).iterate()) yield row as unknown as ExportRow;
  }
}
