import { autoTagsFromMask, type AutoTagInput } from '../../../../shared/members/auto-tags.ts';
import type { MemberCard, MemberSummary, MemberTier, MemberTotals } from '../../../../shared/members/member.ts';
import { promotionEndsAt, type Effective, type PromotionSpan } from '../../../../shared/members/promotions.ts';
import { fromFen, NICKNAME_HISTORY } from '../../../../shared/members/member.ts';
import type { TierMove } from '../../../../shared/members/import.ts';
import type { TierInput } from '../../../../shared/members/tiers.ts';
import type { MemberRow, TierRow } from './member-repository.ts';

/** Pure mappings from stored rows to the shared shapes. */
export function totalsOf(row: MemberRow): MemberTotals {
  return {
    lifetimeSpend: fromFen(row.lifetime_spend_fen),
    spend12m: fromFen(row.spend_12m_fen),
    spendAsOf: row.spend_as_of,
    orders: row.orders,
    firstPurchaseAt: row.first_purchase_at,
    lastPurchaseAt: row.last_purchase_at,
    sessionsWatched: row.sessions_watched,
    interactiveSessions: row.interactive_sessions,
    watchMs: row.watch_ms,
    watchMinutes: Math.round(row.watch_ms / 600) / 100,
    comments: row.comments,
    interactions: row.interactions,
    interactionRate: row.sessions_watched > 0 ? row.interactive_sessions / row.sessions_watched : null,
    communityActivities: row.community_activities,
    communityAsOf: row.community_as_of,
    questions: row.questions,
    nightSessions: row.night_sessions,
    flashSaleOrders: row.flash_sale_orders,
  };
}

export function tierInputOf(row: TierRow): TierInput {
  return {
    spend12m: fromFen(row.spend_12m_fen),
    lastPurchaseAt: row.last_purchase_at,
    sessionsWatched: row.sessions_watched,
    interactiveSessions: row.interactive_sessions,
    watchMs: row.watch_ms,
    communityActivities: row.community_activities,
  };
}

export function autoTagInputOf(row: TierRow): AutoTagInput {
  return {
    spend12m: fromFen(row.spend_12m_fen),
    orders: row.orders,
    firstPurchaseAt: row.first_purchase_at,
    lastPurchaseAt: row.last_purchase_at,
    sessionsWatched: row.sessions_watched,
    watchMs: row.watch_ms,
    comments: row.comments,
    questions: row.questions,
    nightSessions: row.night_sessions,
    flashSaleOrders: row.flash_sale_orders,
  };
}

/** `effective` is the member's effective tier now (effectiveTier of the computed tier and their promotions). */
export function cardOf(row: MemberRow, effective: Effective<PromotionSpan>): MemberCard {
  return {
    memberId: row.id,
    displayName: row.display_name,
    tier: effective.tier,
    promotedUntil: effective.promotion === null ? null : promotionEndsAt(effective.promotion),
    lifetimeSpend: fromFen(row.lifetime_spend_fen),
    spend12m: fromFen(row.spend_12m_fen),
    orders: row.orders,
    lastPurchaseAt: row.last_purchase_at,
    sessionsWatched: row.sessions_watched,
  };
}

export function summaryOf(row: MemberRow, identities: MemberSummary['identities'], tags: string[], effective: Effective<PromotionSpan>): MemberSummary {
  return {
    id: row.id,
    displayName: row.display_name,
    tier: effective.tier,
    computedTier: row.tier,
    promotedUntil: effective.promotion === null ? null : promotionEndsAt(effective.promotion),
    identities,
    tags,
    autoTags: autoTagsFromMask(row.auto_tags),
    lifetimeSpend: fromFen(row.lifetime_spend_fen),
    spend12m: fromFen(row.spend_12m_fen),
    lastPurchaseAt: row.last_purchase_at,
    sessionsWatched: row.sessions_watched,
  };
}

/** The nickname history with `nickname` as the newest entry (moved to the end if seen before), bounded. */
export function withNickname(history: readonly string[], nickname: string): string[] {
  return [...history.filter((n) => n !== nickname), nickname].slice(-NICKNAME_HISTORY);
}

export function parseNicknames(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Counts tier moves by from → to, for results and previews. */
export class TierMoves {
  readonly #counts = new Map<string, TierMove>();

  add(from: MemberTier | null, to: MemberTier): void {
    const key = `${from ?? ''}>${to}`;
    const move = this.#counts.get(key);
    if (move) move.count += 1;
    else this.#counts.set(key, { from, to, count: 1 });
  }

  list(): TierMove[] {
    return [...this.#counts.values()];
  }
}
