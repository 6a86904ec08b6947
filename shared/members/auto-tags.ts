import { z } from 'zod';
// member.ts imports this module, so nothing is imported back from it (no cycle at load time).
const toFen = (yuan: number): number => Math.round(yuan * 100);

/**
 * Automatic behaviour tags (自动标签): worked out from a member's totals every time the member is reassessed (feed-back,
 * imports, merges, the hourly recount), and replaced wholesale each time. They live apart from the manual tags an
 * import or an operator sets, which they never touch. Ids are stable (they are stored, filtered on and sent to the
 * views, which translate them); the order here is the order they are listed in and their bit in the stored mask, so
 * a new tag is appended, never inserted.
 *
 * What each one means, with the default thresholds (all configurable with the tier rules, `autoTags`):
 *
 * - `big_spender` (大额客户): spend in the spend window (12 months by default) of at least 3000 yuan.
 * - `new_buyer` (新客): exactly one paid order, and it was placed in the last 30 days (exactly 30 days ago counts).
 * - `lapsed` (流失预警): has bought before, but nothing in the last 90 days (a purchase exactly 90 days ago still
 *   counts as recent, as the silver tier's window does).
 * - `flash_sale_only` (秒杀党, price-sensitive): at least 2 paid orders and every one of them placed while a flash
 *   sale of that product was live. Only orders seen in a fed-back show can be told apart: an order that only a shop
 *   export brought counts as not in a flash sale.
 * - `lurker` (潜水观众): watched at least 3 shows and at least 60 minutes in all, and never commented (likes, gifts
 *   and orders do not count as comments).
 * - `question_asker` (爱提问): at least 3 comments that were questions (marked by the platform or detected).
 * - `night_owl` (夜猫子): watched at least 3 shows, and at least half of them came in at night, 22:00–04:00 China
 *   time (see NIGHT; fixed, because each show is counted as night or not when it is fed back).
 */
export const AUTO_TAGS = ['big_spender', 'new_buyer', 'lapsed', 'flash_sale_only', 'lurker', 'question_asker', 'night_owl'] as const;
export const AutoTag = z.enum(AUTO_TAGS);
export type AutoTag = z.infer<typeof AutoTag>;

const count = (fallback: number) => z.number().int().min(1).max(1e6).default(fallback);

/** The thresholds of the automatic tags; every comparison is "at least" (≥) except `lapsed` (see above). */
export const AutoTagRules = z
  .object({
    /** Yuan in the spend window. */
    bigSpenderSpendAtLeast: z.number().nonnegative().max(1e9).default(3000),
    newBuyerWithinDays: z.number().int().min(1).max(3650).default(30),
    lapsedAfterDays: z.number().int().min(1).max(3650).default(90),
    flashSaleOrdersAtLeast: count(2),
    lurkerSessionsAtLeast: count(3),
    lurkerWatchMinutesAtLeast: z.number().nonnegative().max(1e6).default(60),
    questionsAtLeast: count(3),
    nightOwlSessionsAtLeast: count(3),
    nightSharePercentAtLeast: z.number().min(0).max(100).default(50),
  })
  .prefault({});
export type AutoTagRules = z.infer<typeof AutoTagRules>;

export const DEFAULT_AUTO_TAG_RULES: AutoTagRules = AutoTagRules.parse({});

/** The night of `night_owl`: from 22:00 to 04:00 at UTC+8 (China time). */
export const NIGHT = { utcOffsetMinutes: 8 * 60, fromHour: 22, toHour: 4 } as const;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Whether `at` falls in the night (see NIGHT): from 22:00:00.000 inclusive to 04:00:00.000 exclusive, China time. */
export function isNightInstant(at: number): boolean {
  const ms = (((at + NIGHT.utcOffsetMinutes * MINUTE_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return ms >= NIGHT.fromHour * HOUR_MS || ms < NIGHT.toHour * HOUR_MS;
}

/** The figures the automatic tags are decided on (the member's totals of the same names). */
export interface AutoTagInput {
  /** Yuan in the spend window. */
  spend12m: number;
  /** Paid orders. */
  orders: number;
  firstPurchaseAt: number | null;
  lastPurchaseAt: number | null;
  sessionsWatched: number;
  watchMs: number;
  comments: number;
  questions: number;
  nightSessions: number;
  flashSaleOrders: number;
}

/** The tags the figures earn at `now`, in AUTO_TAGS order. */
export function autoTagsOf(m: AutoTagInput, rules: AutoTagRules, now: number): AutoTag[] {
  const tags: AutoTag[] = [];
  if (m.spend12m > 0 && toFen(m.spend12m) >= toFen(rules.bigSpenderSpendAtLeast)) tags.push('big_spender');
  if (m.orders === 1 && m.firstPurchaseAt !== null && m.firstPurchaseAt >= now - rules.newBuyerWithinDays * DAY_MS && m.firstPurchaseAt <= now) tags.push('new_buyer');
  if (m.lastPurchaseAt !== null && m.lastPurchaseAt < now - rules.lapsedAfterDays * DAY_MS) tags.push('lapsed');
  if (m.orders >= rules.flashSaleOrdersAtLeast && m.flashSaleOrders >= m.orders) tags.push('flash_sale_only');
  if (m.sessionsWatched >= rules.lurkerSessionsAtLeast && m.watchMs >= rules.lurkerWatchMinutesAtLeast * MINUTE_MS && m.comments === 0) tags.push('lurker');
  if (m.questions >= rules.questionsAtLeast) tags.push('question_asker');
  // Integer cross-multiplication: exactly half is half, whatever the floating point says.
  if (m.sessionsWatched >= rules.nightOwlSessionsAtLeast && m.nightSessions * 100 >= rules.nightSharePercentAtLeast * m.sessionsWatched) tags.push('night_owl');
  return tags;
}

/** The tags as the bit mask stored on the member row (bit i = AUTO_TAGS[i]). */
export function autoTagMask(tags: readonly AutoTag[]): number {
  let mask = 0;
  for (const tag of tags) mask |= 1 << AUTO_TAGS.indexOf(tag);
  return mask;
}

/** The tags of a stored mask, in AUTO_TAGS order; bits of tags this version does not know are ignored. */
export function autoTagsFromMask(mask: number): AutoTag[] {
  return AUTO_TAGS.filter((_, i) => (mask & (1 << i)) !== 0);
}
