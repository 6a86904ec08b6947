import { autoTagMask, autoTagsOf } from '../../../../shared/members/auto-tags.ts';
import type { MemberOrigin, MemberTier } from '../../../../shared/members/member.ts';
import { identityKey } from '../../../../shared/members/member.ts';
import { assignTier, tierOf, type TierRules } from '../../../../shared/members/tiers.ts';
import type { MemberRepository, TierRow } from './member-repository.ts';
import { autoTagInputOf, tierInputOf, type TierMoves } from './member-totals.ts';

/** What every write inside one transaction shares: the clock, the rules and the tally of tier moves. */
export interface WriteContext {
  repo: MemberRepository;
  now: number;
  rules: TierRules;
  /** Start of the spend window at `now`. */
  windowStart: number;
  moves: TierMoves;
  /** Members whose automatic tags changed in this transaction. */
  autoTagsChanged: number;
  newId: () => string;
  /** Called for each tier change, e.g. to keep a few examples. */
  onMove?: (row: TierRow, from: MemberTier | null, to: MemberTier, reason: string) => void;
}

/**
 * Replaces the member's automatic tags with the ones the figures in `row` earn at ctx.now (when they differ). Manual
 * tags are another table and are never touched. Answers whether anything changed.
 */
export function updateAutoTags(ctx: WriteContext, row: TierRow): boolean {
  const mask = autoTagMask(autoTagsOf(autoTagInputOf(row), ctx.rules.autoTags, ctx.now));
  if (mask === row.auto_tags) return false;
  ctx.repo.setAutoTags(row.id, row.auto_tags, mask);
  ctx.autoTagsChanged += 1;
  return true;
}

/**
 * Applies the tier rules to the member as stored now; a change (or a new member's first tier) is written with its
 * reason to the history. `why` says what triggered it (a session, an import, a merge). The automatic tags are
 * brought up to date on the way.
 */
export function reassess(ctx: WriteContext, row: TierRow, isNew: boolean, why: string): MemberTier {
  updateAutoTags(ctx, row);
  const input = tierInputOf(row);
  if (!isNew && tierOf(input, ctx.rules, ctx.now) === row.tier) return row.tier;
  const assessment = assignTier(input, ctx.rules, ctx.now);
  const from = isNew ? null : row.tier;
  const reason = `${why}: ${assessment.reason}`;
  if (assessment.tier !== row.tier) ctx.repo.setTier(row.id, assessment.tier, ctx.now);
  ctx.repo.addTierHistory(row.id, ctx.now, from, assessment.tier, reason);
  ctx.moves.add(from, assessment.tier);
  ctx.onMove?.(row, from, assessment.tier, reason);
  return assessment.tier;
}

export function createMember(ctx: WriteContext, id: string, displayName: string, origin: MemberOrigin): void {
  ctx.repo.insertMember({ id, displayName, origin, at: ctx.now });
}

/**
 * Moves the whole of `sourceId` into `targetId` (accounts, orders, sessions, tags, community ids, history), deletes
 * the source and leaves an audit row with a snapshot of what the source was. Answers the target with its totals
 * recounted; the caller reassesses its tier.
 */
export function mergeInto(ctx: WriteContext, targetId: string, sourceId: string, reason: string): { accounts: number; row: TierRow } {
  const { repo } = ctx;
  const source = repo.member(sourceId);
  const target = repo.member(targetId);
  if (!source || !target) throw new Error(`merge of missing member ${!source ? sourceId : targetId}`);
  const snapshot = {
    source: { ...source },
    accounts: repo.accountsOf(sourceId).map((a) => identityKey(a.platform, a.platform_user_id)),
    tags: repo.tagsOf(sourceId),
    communities: repo.communitiesOf(sourceId),
  };
  const accounts = repo.moveAccounts(sourceId, targetId);
  const orders = repo.moveOrders(sourceId, targetId, null);
  const sessions = repo.moveSessions(sourceId, targetId, null);
  repo.moveTags(sourceId, targetId);
  repo.moveCommunities(sourceId, targetId);
  repo.moveTierHistory(sourceId, targetId);
  repo.movePromotions(sourceId, targetId);
  // Activity counts are per community account: one person in two communities did both sets of activities.
  const asOfs = [target.community_as_of, source.community_as_of].filter((v) => v !== null);
  repo.setCommunityActivities(targetId, target.community_activities + source.community_activities, asOfs.length > 0 ? Math.max(...asOfs) : null, ctx.now);
  if (!target.display_name && source.display_name) repo.setDisplayName(targetId, source.display_name, ctx.now);
  repo.deleteMember(sourceId);
  repo.addAudit({ kind: 'merge', targetId, sourceId, account: null, at: ctx.now, reason, details: { ...snapshot, moved: { accounts, orders, sessions } } });
  return { accounts, row: repo.refreshTotals(targetId, ctx.windowStart, ctx.now) };
}

/**
 * Moves one platform account, with its orders and the sessions only it attended, from one member to another. Sessions
 * where several of the source's accounts were present stay with the source (they cannot be told apart).
 */
export function moveAccount(
  ctx: WriteContext,
  account: { platform: string; userId: string },
  fromId: string,
  toId: string,
  kind: 'split' | 'move',
  reason: string,
): { orders: number; sessions: number } {
  const { repo } = ctx;
  repo.setAccountMember(account.platform, account.userId, toId);
  const orders = repo.moveOrders(fromId, toId, account);
  const sessions = repo.moveSessions(fromId, toId, account);
  repo.addAudit({ kind, targetId: toId, sourceId: fromId, account: identityKey(account.platform, account.userId), at: ctx.now, reason, details: { orders, sessions } });
  return { orders, sessions };
}
