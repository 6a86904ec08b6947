import { describe, expect, it } from 'vitest';
import { AUTO_TAGS, AutoTagRules, autoTagMask, autoTagsFromMask, autoTagsOf, DEFAULT_AUTO_TAG_RULES, isNightInstant, type AutoTag, type AutoTagInput } from './auto-tags.ts';

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const DAY = 86_400_000;
const MIN = 60_000;

/** A member who earns no tag. */
const quiet: AutoTagInput = {
  spend12m: 0,
  orders: 0,
  firstPurchaseAt: null,
  lastPurchaseAt: null,
  sessionsWatched: 0,
  watchMs: 0,
  comments: 0,
  questions: 0,
  nightSessions: 0,
  flashSaleOrders: 0,
};
const tags = (over: Partial<AutoTagInput>, rules = DEFAULT_AUTO_TAG_RULES) => autoTagsOf({ ...quiet, ...over }, rules, NOW);
const has = (tag: AutoTag, over: Partial<AutoTagInput>, rules = DEFAULT_AUTO_TAG_RULES) => tags(over, rules).includes(tag);

describe('defaults', () => {
  it('are the documented thresholds', () => {
    expect(DEFAULT_AUTO_TAG_RULES).toEqual({
      bigSpenderSpendAtLeast: 3000,
      newBuyerWithinDays: 30,
      lapsedAfterDays: 90,
      flashSaleOrdersAtLeast: 2,
      lurkerSessionsAtLeast: 3,
      lurkerWatchMinutesAtLeast: 60,
      questionsAtLeast: 3,
      nightOwlSessionsAtLeast: 3,
      nightSharePercentAtLeast: 50,
    });
    expect(tags({})).toEqual([]);
  });
});

describe('big_spender: spend window ≥ 3000 yuan', () => {
  it('exactly 3000 counts, 2999.99 does not', () => {
    expect(has('big_spender', { spend12m: 3000 })).toBe(true);
    expect(has('big_spender', { spend12m: 2999.99 })).toBe(false);
    expect(has('big_spender', { spend12m: 2000 }, AutoTagRules.parse({ bigSpenderSpendAtLeast: 2000 }))).toBe(true);
  });
});

describe('new_buyer: one paid order, in the last 30 days', () => {
  const first = { orders: 1, firstPurchaseAt: NOW - 30 * DAY, lastPurchaseAt: NOW - 30 * DAY };
  it('exactly 30 days ago counts, a millisecond earlier does not', () => {
    expect(has('new_buyer', first)).toBe(true);
    expect(has('new_buyer', { ...first, firstPurchaseAt: NOW - 30 * DAY - 1 })).toBe(false);
  });
  it('a second order makes a returning buyer', () => {
    expect(has('new_buyer', { ...first, orders: 2 })).toBe(false);
  });
});

describe('lapsed: bought before, nothing in the last 90 days', () => {
  it('a purchase exactly 90 days ago is still recent; a millisecond older is lapsed', () => {
    expect(has('lapsed', { orders: 3, lastPurchaseAt: NOW - 90 * DAY })).toBe(false);
    expect(has('lapsed', { orders: 3, lastPurchaseAt: NOW - 90 * DAY - 1 })).toBe(true);
  });
  it('never bought is not lapsed', () => {
    expect(has('lapsed', { lastPurchaseAt: null, sessionsWatched: 10 })).toBe(false);
  });
  it('is the only time-driven tag besides new_buyer: the same figures earn it later', () => {
    const m = { ...quiet, orders: 1, lastPurchaseAt: NOW, firstPurchaseAt: NOW };
    expect(autoTagsOf(m, DEFAULT_AUTO_TAG_RULES, NOW)).toEqual(['new_buyer']);
    expect(autoTagsOf(m, DEFAULT_AUTO_TAG_RULES, NOW + 91 * DAY)).toEqual(['lapsed']);
  });
});

describe('flash_sale_only: ≥ 2 paid orders, every one in a live flash sale', () => {
  it('two of two counts; one of one, or two of three, does not', () => {
    expect(has('flash_sale_only', { orders: 2, flashSaleOrders: 2 })).toBe(true);
    expect(has('flash_sale_only', { orders: 1, flashSaleOrders: 1 })).toBe(false);
    expect(has('flash_sale_only', { orders: 3, flashSaleOrders: 2 })).toBe(false);
  });
});

describe('lurker: ≥ 3 shows, ≥ 60 minutes, no comment', () => {
  const lurker = { sessionsWatched: 3, watchMs: 60 * MIN, comments: 0 };
  it('exactly at both thresholds counts', () => {
    expect(has('lurker', lurker)).toBe(true);
  });
  it('one show, a millisecond or one comment short does not', () => {
    expect(has('lurker', { ...lurker, sessionsWatched: 2 })).toBe(false);
    expect(has('lurker', { ...lurker, watchMs: 60 * MIN - 1 })).toBe(false);
    expect(has('lurker', { ...lurker, comments: 1 })).toBe(false);
  });
});

describe('question_asker: ≥ 3 questions', () => {
  it('3 counts, 2 does not', () => {
    expect(has('question_asker', { comments: 3, questions: 3 })).toBe(true);
    expect(has('question_asker', { comments: 9, questions: 2 })).toBe(false);
  });
});

describe('night_owl: ≥ 3 shows, at least half at night', () => {
  it('exactly half counts; just under half or too few shows does not', () => {
    expect(has('night_owl', { sessionsWatched: 4, nightSessions: 2 })).toBe(true);
    expect(has('night_owl', { sessionsWatched: 5, nightSessions: 2 })).toBe(false);
    expect(has('night_owl', { sessionsWatched: 2, nightSessions: 2 })).toBe(false);
    expect(has('night_owl', { sessionsWatched: 3, nightSessions: 3 })).toBe(true);
  });

  it('night is 22:00 inclusive to 04:00 exclusive, China time (UTC+8)', () => {
    const china = (h: number, m = 0, ms = 0) => Date.UTC(2025, 5, 15, h - 8, m, 0, ms);
    expect(isNightInstant(china(22))).toBe(true);
    expect(isNightInstant(china(22) - 1)).toBe(false);
    expect(isNightInstant(china(0))).toBe(true);
    expect(isNightInstant(china(4) - 1)).toBe(true);
    expect(isNightInstant(china(4))).toBe(false);
    expect(isNightInstant(china(20))).toBe(false);
  });
});

describe('mask', () => {
  it('round-trips in AUTO_TAGS order and ignores unknown bits', () => {
    expect(autoTagMask([])).toBe(0);
    expect(autoTagsFromMask(autoTagMask(['night_owl', 'big_spender']))).toEqual(['big_spender', 'night_owl']);
    expect(autoTagsFromMask(autoTagMask([...AUTO_TAGS]) | (1 << 20))).toEqual([...AUTO_TAGS]);
  });
});
