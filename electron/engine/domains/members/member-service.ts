import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AutoTag } from '../../../../shared/members/auto-tags.ts';
import { autoTagMask, autoTagsFromMask } from '../../../../shared/members/auto-tags.ts';
import { memberHealth, type MemberHealth } from '../../../../shared/members/health.ts';
import type { MembersCommand, MembersCommandType, PromotionSelection } from '../../../../shared/members/commands.ts';
import type { FeedBackResult, GrantResult, MergeResult, RecomputeResult, RevokeResult, SplitResult } from '../../../../shared/members/feedback.ts';
import { parseImport, type ImportKind, type ImportMode, type ImportOptions, type ImportIssue, type ImportOutcome } from '../../../../shared/members/import.ts';
import {
  fromFen,
  identityKey,
  type LookupRequest,
  type LookupResult,
  type Member,
  type MemberSummary,
  type MemberTier,
} from '../../../../shared/members/member.ts';
import {
  duePromotionEdges,
  effectiveTier,
  PROMOTION_MAX_MS,
  PROMOTION_MAX_DAYS,
  promotionReason,
  promotionStatus,
  type Effective,
  type LoggedPromotion,
  type PromotionGrant,
  type PromotionLift,
} from '../../../../shared/members/promotions.ts';
import { assignTier, DEFAULT_TIER_RULES, effectiveTierCounts, monthsBefore, TierRules, tierShares, type TierShares } from '../../../../shared/members/tiers.ts';
import { serializeCsv } from '../../../../shared/show/csv.ts';
import { CommandFailure } from '../../dispatch/command-failure.ts';
import type { Logger } from '../../log.ts';
import type { SettingsRepository } from '../settings/settings-repository.ts';
import { aggregateAttendance, FEEDBACK_EVENT_KINDS, type Span } from './attendance.ts';
import { applyFeedBack, emptyFeedBackResult } from './member-feedback.ts';
import { runImport } from './member-import.ts';
import type { MemberFilter, MemberPromotionRow, MemberRepository, MemberRow, PromotionRow } from './member-repository.ts';
import { cardOf, parseNicknames, summaryOf, TierMoves, tierInputOf, totalsOf } from './member-totals.ts';
import { createMember, mergeInto, moveAccount, reassess, type WriteContext } from './member-writes.ts';

const RULES_KEY = 'members.tierRules';
const SEARCH_LIMIT = 50;
const RECOMPUTE_PAGE = 5_000;
export const RECOMPUTE_INTERVAL_MS = 60 * 60 * 1000;

export type MembersCommandHandlers = {
  [K in MembersCommandType]: (command: Extract<MembersCommand, { type: K }>) => void | Promise<void>;
};

/** Something changed in the member records (for a notice or a state slice). */
export type MembersChange =
  | { kind: 'feedBack'; result: FeedBackResult }
  | { kind: 'recompute'; result: RecomputeResult }
  | { kind: 'import'; outcome: ImportOutcome }
  | { kind: 'merge'; result: MergeResult }
  | { kind: 'split'; result: SplitResult }
  | { kind: 'rules'; rules: TierRules }
  | { kind: 'promotion'; action: 'grant' | 'revoke'; result: GrantResult | RevokeResult };

/** A stored promotion row as the pure rules see it. */
type Promo<R extends PromotionRow = PromotionRow> = LoggedPromotion & { row: R };
function spanOf<R extends PromotionRow>(row: R): Promo<R> {
  return { lift: row.lift, startsAt: row.starts_at, endsAt: row.ends_at, revokedAt: row.revoked_at, startLogged: row.start_logged === 1, endLogged: row.end_logged === 1, row };
}

/** Grants list at most this many member ids in their target summary. */
const TARGET_IDS_KEPT = 20;

export interface GrantInput {
  target: { memberIds: string[] } | { selection: PromotionSelection };
  lift: PromotionLift;
  startsAt?: number | undefined;
  endsAt: number;
  reason: string;
}

export interface MembersServiceDeps {
  repo: MemberRepository;
  settings: SettingsRepository;
  log?: Logger;
  now?: () => number;
  newId?: () => string;
  onChange?: (change: MembersChange) => void;
}

export type ImportAnswer = { ok: true; outcome: ImportOutcome } | { ok: false; errors: ImportIssue[] };

/**
 * Member records: feeding sessions back, tiers, imports, search, merge and split. Every write is one transaction;
 * dry runs and previews run the same code in a transaction that is rolled back, so they cannot disagree with the
 * real thing. All methods are synchronous except the whole-table tier recount, which yields between pages.
 */
export class MembersService {
  readonly #repo: MemberRepository;
  readonly #settings: SettingsRepository;
  readonly #log: Logger | undefined;
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #onChange: (change: MembersChange) => void;
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(deps: MembersServiceDeps) {
    this.#repo = deps.repo;
    this.#settings = deps.settings;
    this.#log = deps.log;
    this.#now = deps.now ?? Date.now;
    this.#newId = deps.newId ?? sortableIds();
    this.#onChange = deps.onChange ?? (() => undefined);
  }

  rules(): TierRules {
    return this.#settings.read(RULES_KEY, TierRules, DEFAULT_TIER_RULES);
  }

  #context(now: number, rules = this.rules()): WriteContext {
    return { repo: this.#repo, now, rules, windowStart: monthsBefore(now, rules.spendWindowMonths), moves: new TierMoves(), autoTagsChanged: 0, newId: this.#newId };
  }

  // ---- feed-back ------------------------------------------------------------------------------------------

  /**
   * Adds one broadcast's outcomes to the member records, exactly once. Rehearsals are refused (they never touch
   * member records); a session still running may be dry-run but not applied.
   */
  feedBack(sessionId: string, { dryRun = false }: { dryRun?: boolean } = {}): FeedBackResult {
    const session = this.#repo.session(sessionId);
    if (!session) throw new CommandFailure('not_found', `There is no session "${sessionId}"`);
    if (session.kind === 'rehearsal') {
      throw new CommandFailure('conflict', `"${session.title}" was a rehearsal: rehearsals run on simulated audiences and never touch member records.`);
    }
    const done = this.#repo.feedbackRun(sessionId);
    if (done) return { ...emptyFeedBackResult(sessionId, dryRun), alreadyAppliedAt: done.applied_at };
    if (!dryRun && session.ended_at === null) {
      throw new CommandFailure('conflict', `"${session.title}" is still running; end the show before feeding it back (a dry run works meanwhile).`);
    }
    const attendance = aggregateAttendance(this.#repo.sessionEvents(sessionId, FEEDBACK_EVENT_KINDS));
    const span: Span = { from: session.started_at, to: session.ended_at ?? Math.max(session.started_at, attendance.lastAt ?? session.started_at) };
    const ctx = this.#context(this.#now());
    const result = this.#repo.transaction(() => applyFeedBack(ctx, session, attendance, span, dryRun), !dryRun);
    if (!dryRun) {
      this.#log?.info(`Session ${sessionId} fed back: ${result.members} members (${result.newMembers} new), ${result.delta.orders} orders`);
      this.#onChange({ kind: 'feedBack', result });
    }
    return result;
  }

  // ---- tiers ----------------------------------------------------------------------------------------------

  /**
   * Recounts every member's spend window, tier and automatic tags at `now` (tiers move down as purchases age, "lapsed"
   * comes with time). Runs page by page, each its own transaction, yielding in between so a live show's feed is not
   * held up by 500k members. Then writes the promotion starts and ends that are due into the tier history.
   */
  async recomputeTiers(now = this.#now()): Promise<RecomputeResult> {
    const ctx = this.#context(now);
    let after = '';
    let members = 0;
    let changed = 0;
    for (;;) {
      const page = this.#repo.transaction(() => {
        const rows = this.#repo.memberPage(after, RECOMPUTE_PAGE);
        const spend = this.#repo.windowSpendForPage(after, RECOMPUTE_PAGE, ctx.windowStart);
        for (const row of rows) {
          const { fen, from } = spend.get(row.id) ?? { fen: 0, from: null };
          let current: MemberRow = row;
          const spendMoved = fen !== row.spend_12m_fen || from !== row.spend_window_from;
          if (spendMoved) {
            this.#repo.setWindowSpend(row.id, fen, from, now);
            current = { ...row, spend_12m_fen: fen, spend_window_from: from };
          }
          if (reassess(ctx, current, false, 'tier recount') !== row.tier || spendMoved) changed += 1;
        }
        return rows;
      });
      members += page.length;
      const last = page.at(-1);
      if (!last || page.length < RECOMPUTE_PAGE) break;
      after = last.id;
      await yieldToEventLoop();
      // The engine is stopping and the database is about to close: each page is committed, the next start recounts.
      if (this.#stopped) return { members, changed, tierMoves: ctx.moves.list(), autoTagsChanged: ctx.autoTagsChanged, promotionEdges: 0 };
    }
    const promotionEdges = this.#repo.transaction(() => this.#repo.membersWithEdgesOwed(now).reduce((n, id) => n + this.#settle(id, now), 0));
    const result: RecomputeResult = { members, changed, tierMoves: ctx.moves.list(), autoTagsChanged: ctx.autoTagsChanged, promotionEdges };
    this.#onChange({ kind: 'recompute', result });
    return result;
  }

  /** Saves new thresholds and reassesses everyone under them (each change in the history). */
  async setTierRules(input: unknown): Promise<RecomputeResult> {
    const parsed = TierRules.safeParse(input);
    if (!parsed.success) throw new CommandFailure('bad_request', `Invalid tier rules: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.#settings.write(RULES_KEY, parsed.data);
    this.#onChange({ kind: 'rules', rules: parsed.data });
    return this.recomputeTiers();
  }

  /** Hourly recount (the plan asks for figures at least hourly); returns the stop function. */
  startHourly(intervalMs = RECOMPUTE_INTERVAL_MS): () => void {
    this.stop();
    this.#stopped = false;
    this.#timer = setInterval(() => {
      this.recomputeTiers().catch((error: unknown) => this.#log?.error(`Tier recount failed: ${String(error)}`));
    }, intervalMs);
    this.#timer.unref();
    return () => this.stop();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Members by effective tier now (temporary promotions count), against the plan, with how many are promoted. */
  /** LTV, repurchase and churn over all members (the plan's member KPIs). */
  health(): MemberHealth {
    return memberHealth(this.#repo.healthCounts(autoTagMask(['lapsed'])));
  }

  shares(): TierShares {
    const now = this.#now();
    const byMember = new Map<string, { tier: MemberTier; spans: Promo[] }>();
    for (const row of this.#repo.activePromotions(now)) {
      const entry = byMember.get(row.member_id) ?? { tier: row.tier, spans: [] };
      entry.spans.push(spanOf(row));
      byMember.set(row.member_id, entry);
    }
    const lifted = [...byMember.values()].map(({ tier, spans }) => ({ from: tier, to: effectiveTier(tier, spans, now).tier }));
    const { counts, promoted } = effectiveTierCounts(this.#repo.tierCounts(), lifted);
    return tierShares(counts, this.rules(), promoted);
  }

  // ---- temporary promotions -------------------------------------------------------------------------------

  /** The member's effective tier at `now`, from the computed tier and their promotions not over yet. */
  #effective(row: Pick<MemberRow, 'id' | 'tier'>, now: number): Effective<Promo<MemberPromotionRow>> {
    return effectiveTier(row.tier, this.#repo.openPromotionsOf(row.id, now).map(spanOf), now);
  }

  /**
   * Writes the member's promotion edges due by `now` (starts of promotions granted ahead, natural ends) into the
   * tier history at the instant each happened; inside the caller's transaction. Answers how many were written.
   */
  #settle(memberId: string, now: number): number {
    const row = this.#repo.member(memberId);
    if (!row) return 0;
    const edges = duePromotionEdges(row.tier, this.#repo.promotionsOf(memberId).map(spanOf), now);
    for (const e of edges) {
      const p = e.promotion.row;
      this.#repo.addTierHistory(memberId, e.at, e.from, e.to, promotionReason(e.edge, { ...e.promotion, reason: p.reason }), 'promotion');
      this.#repo.markPromotionLogged(memberId, p.grant_id, e.edge);
    }
    return edges.length;
  }

  /**
   * Lifts members for a period: the ones named, or every member the selection matches now. Each member's grant is in
   * their tier history with the reason; while it is active their effective tier is the higher of computed and promoted.
   */
  grantPromotion(input: GrantInput): GrantResult {
    const now = this.#now();
    const startsAt = input.startsAt ?? now;
    if (input.endsAt <= now) throw new CommandFailure('bad_request', 'endsAt: the promotion must end in the future');
    if (input.endsAt <= startsAt) throw new CommandFailure('bad_request', 'endsAt: must be after startsAt');
    if (input.endsAt - startsAt > PROMOTION_MAX_MS) throw new CommandFailure('bad_request', `endsAt: a promotion lasts at most ${PROMOTION_MAX_DAYS} days`);
    const reason = input.reason.trim();
    let ids: string[];
    let target: unknown;
    if ('memberIds' in input.target) {
      ids = [...new Set(input.target.memberIds)];
      const missing = ids.filter((id) => !this.#repo.member(id));
      if (missing.length > 0) throw new CommandFailure('not_found', `There is no member ${missing.slice(0, 5).map((id) => `"${id}"`).join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''}`);
      target = { memberIds: ids.slice(0, TARGET_IDS_KEPT), more: Math.max(0, ids.length - TARGET_IDS_KEPT) };
    } else {
      ids = this.#repo.selectionIds(input.target.selection);
      if (ids.length === 0) throw new CommandFailure('conflict', 'No member matches the selection: nothing was granted');
      target = { selection: Object.fromEntries(Object.entries(input.target.selection).filter(([, v]) => v !== undefined)) };
    }
    const grant = { lift: input.lift, starts_at: startsAt, ends_at: input.endsAt, reason, granted_at: now, target: JSON.stringify(target) };
    const text = promotionReason('grant', { lift: input.lift, startsAt, endsAt: input.endsAt, reason });
    const result = this.#repo.transaction(() => {
      const grantId = this.#repo.insertGrant(grant);
      for (const id of ids) {
        this.#settle(id, now);
        const row = this.#repo.member(id);
        if (!row) continue;
        const before = this.#effective(row, now).tier;
        const started = startsAt <= now;
        this.#repo.insertPromotion({ member_id: id, grant_id: grantId, lift: input.lift, starts_at: startsAt, ends_at: input.endsAt, start_logged: started ? 1 : 0, end_logged: 0 });
        this.#repo.addTierHistory(id, now, before, this.#effective(row, now).tier, text, 'promotion');
      }
      return { grantId, members: ids.length };
    });
    this.#log?.info(`Promotion ${result.grantId} granted to ${result.members} members: ${text}`);
    this.#onChange({ kind: 'promotion', action: 'grant', result });
    return result;
  }

  /** Ends a grant early, for every member still promoted by it or for one; each revocation is in the tier history. */
  revokePromotion(grantId: number, memberId?: string, note?: string): RevokeResult {
    const now = this.#now();
    const grant = this.#repo.grant(grantId);
    if (!grant) throw new CommandFailure('not_found', `There is no promotion ${grantId}`);
    const open = this.#repo.openMembersOfGrant(grantId, now);
    const ids = memberId === undefined ? open : open.filter((id) => id === memberId);
    if (ids.length === 0) {
      throw new CommandFailure('conflict', memberId === undefined ? `Promotion ${grantId} is already over for every member` : `Member "${memberId}" has no open promotion ${grantId}`);
    }
    const text = promotionReason('revoke', { lift: grant.lift, startsAt: grant.starts_at, endsAt: grant.ends_at, reason: grant.reason }, note?.trim() || undefined);
    const result = this.#repo.transaction(() => {
      for (const id of ids) {
        this.#settle(id, now);
        const row = this.#repo.member(id);
        if (!row) continue;
        const before = this.#effective(row, now).tier;
        this.#repo.revokePromotion(id, grantId, now);
        this.#repo.addTierHistory(id, now, before, this.#effective(row, now).tier, text, 'promotion');
      }
      return { grantId, members: ids.length };
    });
    this.#log?.info(`Promotion ${grantId} revoked for ${result.members} members`);
    this.#onChange({ kind: 'promotion', action: 'revoke', result });
    return result;
  }

  /** Grants still open for at least one member (scheduled or active), newest first. */
  promotionGrants(): PromotionGrant[] {
    const now = this.#now();
    return this.#repo.openGrants(now).map((g) => ({
      id: g.id,
      lift: g.lift,
      startsAt: g.starts_at,
      endsAt: g.ends_at,
      reason: g.reason,
      grantedAt: g.granted_at,
      target: JSON.parse(g.target) as PromotionGrant['target'],
      members: g.members,
      openMembers: g.open_members,
      status: promotionStatus({ lift: g.lift, startsAt: g.starts_at, endsAt: g.ends_at, revokedAt: null }, now),
    }));
  }

  /** How many members a selection matches now. */
  selectionCount(selection: MemberFilter): number {
    return this.#repo.selectionCount(selection);
  }

  // ---- imports and export ---------------------------------------------------------------------------------

  /** Preview or apply a CSV import. Any error → nothing changes and every error is listed. */
  import(kind: ImportKind, mode: ImportMode, text: string, options: ImportOptions = {}): ImportAnswer {
    const parsed = parseImport(kind, text, options);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const ctx = this.#context(this.#now());
    const { run, outcome } = this.#repo.transaction(
      () => {
        const run = runImport(ctx, parsed);
        const outcome: ImportOutcome = {
          kind,
          mode,
          applied: mode === 'apply' && run.issues.length === 0,
          rows: parsed.rows.length,
          ignoredColumns: parsed.ignoredColumns,
          counts: run.counts,
          newMembers: run.newMembers,
          tierMoves: ctx.moves.list(),
          changes: run.changes,
          changesLeftOff: run.changesLeftOff,
        };
        return { run, outcome };
      },
      (r) => r.outcome.applied,
    );
    if (run.issues.length > 0) return { ok: false, errors: run.issues.sort((a, b) => a.line - b.line) };
    if (outcome.applied) this.#onChange({ kind: 'import', outcome });
    return { ok: true, outcome };
  }

  /** Every member, one row each; the first columns read back as a members import. */
  exportCsv(): string {
    const rules = this.rules();
    const header = [
      'member_id',
      'nickname',
      'tags',
      'community_id',
      'tier',
      'tier_since',
      'accounts',
      'lifetime_spend',
      `spend_${rules.spendWindowMonths}m`,
      'orders',
      'first_purchase_at',
      'last_purchase_at',
      'sessions_watched',
      'watch_minutes',
      'comments',
      'interactions',
      'interaction_rate',
      'community_activities',
      'effective_tier',
      'auto_tags',
    ];
    const now = this.#now();
    const promoted = new Map<string, Promo[]>();
    for (const p of this.#repo.activePromotions(now)) promoted.set(p.member_id, [...(promoted.get(p.member_id) ?? []), spanOf(p)]);
    const iso = (at: number | null) => (at === null ? '' : new Date(at).toISOString());
    const rows: string[][] = [header];
    for (const r of this.#repo.exportRows()) {
      const t = totalsOf(r);
      rows.push([
        r.id,
        r.display_name,
        r.tags ?? '',
        r.communities ?? '',
        r.tier,
        iso(r.tier_since),
        r.accounts ?? '',
        t.lifetimeSpend.toFixed(2),
        t.spend12m.toFixed(2),
        String(t.orders),
        iso(t.firstPurchaseAt),
        iso(t.lastPurchaseAt),
        String(t.sessionsWatched),
        t.watchMinutes.toFixed(1),
        String(t.comments),
        String(t.interactions),
        t.interactionRate === null ? '' : t.interactionRate.toFixed(3),
        String(t.communityActivities),
        effectiveTier(r.tier, promoted.get(r.id) ?? [], now).tier,
        autoTagsFromMask(r.auto_tags).join('|'),
      ]);
    }
    return serializeCsv(rows, { bom: true });
  }

  // ---- reading --------------------------------------------------------------------------------------------

  /**
   * By any id (member, platform account, community), nickname, name, tag or automatic tag prefix; exact matches
   * first. With `autoTag`, only members carrying that automatic tag (the biggest spenders among them when the query
   * is empty).
   */
  search(query: string, limit = SEARCH_LIMIT, filter: { autoTag?: AutoTag | undefined } = {}): MemberSummary[] {
    const text = query.trim();
    const n = Math.min(Math.max(1, Math.trunc(limit)), SEARCH_LIMIT);
    const now = this.#now();
    const filtered = filter.autoTag !== undefined;
    if (text === '') return (filtered ? this.#repo.topBySpendWhere(filter, n) : this.#repo.topBySpend(n)).map((row) => this.#summary(row, now));
    const lower = text.toLowerCase();
    const rank = new Map<string, number>();
    // A filter drops hits after the prefix searches: look further so a page still fills.
    for (const hit of this.#repo.searchIds(text, filtered ? n * 10 : n)) {
      const score = hit.value.toLowerCase() === lower ? 0 : 1;
      rank.set(hit.member_id, Math.min(rank.get(hit.member_id) ?? 1, score));
    }
    const rows = [...rank.keys()]
      .filter((id) => !filtered || this.#repo.matches(id, filter))
      .map((id) => this.#repo.member(id))
      .filter((r) => r !== undefined);
    rows.sort((a, b) => (rank.get(a.id) ?? 1) - (rank.get(b.id) ?? 1) || b.lifetime_spend_fen - a.lifetime_spend_fen || a.id.localeCompare(b.id));
    return rows.slice(0, n).map((row) => this.#summary(row, now));
  }

  #summary(row: MemberRow, now: number): MemberSummary {
    const accounts = this.#repo.accountsOf(row.id).map((a) => ({ platform: a.platform, platformUserId: a.platform_user_id, nickname: a.nickname }));
    return summaryOf(row, accounts, this.#repo.tagsOf(row.id), this.#effective(row, now));
  }

  /** One member as of now. Promotion edges that came due since the last recount are written first (a read settles them). */
  member(id: string): Member | undefined {
    const now = this.#now();
    let row = this.#repo.member(id);
    if (!row) return undefined;
    if (duePromotionEdges(row.tier, this.#repo.promotionsOf(id).map(spanOf), now).length > 0) {
      this.#repo.transaction(() => this.#settle(id, now));
      row = this.#repo.member(id) ?? row;
    }
    const open = this.#repo.openPromotionsOf(id, now).map(spanOf);
    return {
      id: row.id,
      displayName: row.display_name,
      origin: row.origin,
      createdAt: row.created_at,
      identities: this.#repo.accountsOf(id).map((a) => ({
        platform: a.platform,
        platformUserId: a.platform_user_id,
        nickname: a.nickname,
        nicknames: parseNicknames(a.nicknames),
        firstSeenAt: a.first_seen_at,
      })),
      communityIds: this.#repo.communitiesOf(id),
      tags: this.#repo.tagsOf(id),
      autoTags: autoTagsFromMask(row.auto_tags),
      totals: totalsOf(row),
      tier: effectiveTier(row.tier, open, now).tier,
      computedTier: row.tier,
      tierSince: row.tier_since,
      promotions: open.map((p) => ({
        grantId: p.row.grant_id,
        lift: p.lift,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        revokedAt: p.revokedAt,
        reason: p.row.reason,
        grantedAt: p.row.granted_at,
        status: promotionStatus(p, now),
        tier: effectiveTier(row.tier, [p], Math.max(now, p.startsAt)).tier,
      })),
      assessment: assignTier(tierInputOf(row), this.rules(), now),
      tierHistory: this.#repo.tierHistory(id).map((h) => ({ at: h.at, from: h.from_tier, to: h.to_tier, reason: h.reason, kind: h.kind })),
      recentSessions: this.#repo.recentSessions(id).map((s) => ({
        sessionId: s.session_id,
        title: s.title,
        startedAt: s.started_at,
        watchMs: s.watch_ms,
        comments: s.comments,
        interactions: s.interactions,
        orders: s.orders,
        spend: fromFen(s.spend_fen),
      })),
    };
  }

  /** The tier of a platform account's member; null when no member has it. One indexed read. */
  tierOf(platform: string, userId: string): MemberTier | null {
    return this.#repo.cardByAccount(platform, userId)?.tier ?? null;
  }

  /** Badges for the comment panel: one call for all the rows on screen. */
  lookup(accounts: LookupRequest): LookupResult {
    const members: LookupResult['members'] = {};
    const now = this.#now();
    for (const { platform, userId } of accounts) {
      const row = this.#repo.cardByAccount(platform, userId);
      if (row) members[identityKey(platform, userId)] = cardOf(row, this.#effective(row, now));
    }
    return { members };
  }

  // ---- merge and split ------------------------------------------------------------------------------------

  /** Two records of one person become `targetId`; `sourceId` is gone, an audit row keeps what it was. */
  merge(targetId: string, sourceId: string, reason: string): MergeResult {
    if (targetId === sourceId) throw new CommandFailure('bad_request', 'A member cannot be merged into itself');
    for (const id of [targetId, sourceId]) if (!this.#repo.member(id)) throw new CommandFailure('not_found', `There is no member "${id}"`);
    const ctx = this.#context(this.#now());
    const result = this.#repo.transaction(() => {
      const { accounts, row } = mergeInto(ctx, targetId, sourceId, reason);
      const tier = reassess(ctx, row, false, `merged ${sourceId} (${reason})`);
      return { targetId, sourceId, identitiesMoved: accounts, tier };
    });
    this.#onChange({ kind: 'merge', result });
    return result;
  }

  /** One platform account (with its orders and the sessions only it attended) leaves for a new member. */
  split(memberId: string, platform: string, platformUserId: string, reason: string): SplitResult {
    const account = this.#repo.account(platform, platformUserId);
    if (!account || account.member_id !== memberId) throw new CommandFailure('not_found', `Member "${memberId}" has no account ${identityKey(platform, platformUserId)}`);
    if (this.#repo.accountsOf(memberId).length < 2) throw new CommandFailure('conflict', `${identityKey(platform, platformUserId)} is the only account of "${memberId}": there is nothing to split off`);
    const ctx = this.#context(this.#now());
    const result = this.#repo.transaction(() => {
      const newMemberId = ctx.newId();
      createMember(ctx, newMemberId, account.nickname, 'split');
      const moved = moveAccount(ctx, { platform, userId: platformUserId }, memberId, newMemberId, 'split', reason);
      reassess(ctx, this.#repo.refreshTotals(memberId, ctx.windowStart, ctx.now), false, `split off ${identityKey(platform, platformUserId)} (${reason})`);
      reassess(ctx, this.#repo.refreshTotals(newMemberId, ctx.windowStart, ctx.now), true, `split from ${memberId} (${reason})`);
      return { memberId, newMemberId, ordersMoved: moved.orders, sessionsMoved: moved.sessions };
    });
    this.#onChange({ kind: 'split', result });
    return result;
  }

  audits(memberId: string) {
    return this.#repo.audits(memberId).map((a) => ({ ...a, details: JSON.parse(a.details) as unknown }));
  }

  // ---- commands -------------------------------------------------------------------------------------------

  handlers(): MembersCommandHandlers {
    return {
      'members.feedBack': (c) => void this.feedBack(c.sessionId, { dryRun: c.dryRun }),
      'members.recomputeTiers': async () => void (await this.recomputeTiers()),
      'members.merge': (c) => void this.merge(c.targetId, c.sourceId, c.reason),
      'members.split': (c) => void this.split(c.memberId, c.platform, c.platformUserId, c.reason),
      'members.setTierRules': async (c) => void (await this.setTierRules(c.rules)),
      'members.grantPromotion': (c) => void this.grantPromotion(c),
      'members.revokePromotion': (c) => void this.revokePromotion(c.grantId, c.memberId, c.note),
    };
  }
}

/**
 * Member ids for new records: creation order sorts as text (time, then a counter within the millisecond), so 10k
 * members created by one feed-back are appended to the B-trees instead of scattered over them. The random tail
 * keeps ids apart across restarts and machines; it is a tie-breaker, not a secret, so Math.random will do.
 */
export function sortableIds(clock: () => number = Date.now): () => string {
  let lastMs = -1;
  let seq = 0;
  const base36 = (n: number, width: number) => n.toString(36).padStart(width, '0');
  return () => {
    const ms = Math.max(clock(), lastMs);
    seq = ms === lastMs ? seq + 1 : 0;
    lastMs = ms;
    return `M${base36(ms, 9)}${base36(seq, 4)}${base36(Math.floor(Math.random() * 36 ** 4), 4)}`;
  };
}
