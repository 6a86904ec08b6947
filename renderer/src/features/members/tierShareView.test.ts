import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTO_TAG_RULES } from '../../../../shared/members/auto-tags.ts';
import { tierShares } from '../../../../shared/members/tiers.ts';
import { formatPoints, formatShare, shareStatus, tierShareBars } from './tierShareView.ts';

describe('tier share bars', () => {
  it('sets actual shares against the plan’s 15 / 35 / 50 %', () => {
    const bars = tierShareBars(tierShares({ vip: 20, silver: 30, bronze: 50 }), 'en');
    expect(bars.map((b) => [b.tier, b.actualText, b.targetText, b.deviationText, b.status])).toEqual([
      ['vip', '20.0%', '15%', '+5.0', 'on'],
      ['silver', '30.0%', '35%', '−5.0', 'on'],
      ['bronze', '50.0%', '50%', '0.0', 'on'],
    ]);
    expect(bars.map((b) => b.targetPercent)).toEqual([15, 35, 50]);
    expect(bars.map((b) => b.actualPercent)).toEqual([20, 30, 50]);
  });

  it('marks tiers well over or under the plan', () => {
    const bars = tierShareBars(tierShares({ vip: 1, silver: 2, bronze: 7 }), 'en');
    expect(bars.map((b) => [b.actualText, b.deviationText, b.status])).toEqual([
      ['10.0%', '−5.0', 'on'],
      ['20.0%', '−15.0', 'under'],
      ['70.0%', '+20.0', 'over'],
    ]);
    expect(tierShareBars(tierShares({ vip: 3, silver: 0, bronze: 0 }), 'en').map((b) => b.status)).toEqual(['over', 'under', 'under']);
  });

  it('shows no bars and no verdict without members', () => {
    const bars = tierShareBars(tierShares({}), 'en');
    expect(bars.map((b) => [b.count, b.actualPercent, b.actualText, b.deviationText, b.status])).toEqual([
      [0, 0, '—', '—', 'none'],
      [0, 0, '—', '—', 'none'],
      [0, 0, '—', '—', 'none'],
    ]);
  });

  it('uses configured plan shares', () => {
    const rules = { targetShares: { vip: 12.5, silver: 37.5, bronze: 50 } };
    const bars = tierShareBars(tierShares({ vip: 1, silver: 1, bronze: 1 }, { ...tierSharesDefaults(), ...rules }), 'en');
    expect(bars.map((b) => b.targetText)).toEqual(['12.5%', '37.5%', '50%']);
    expect(bars.map((b) => b.actualText)).toEqual(['33.3%', '33.3%', '33.3%']);
  });
});

describe('share formatting', () => {
  it('rounds to one decimal in the page’s language', () => {
    expect(formatShare(1 / 7, 'en')).toBe('14.3%');
    expect(formatShare(0.15, 'zh-CN', true)).toBe('15%');
    expect(formatShare(null, 'en')).toBe('—');
    expect(formatPoints(0.0004, 'en')).toBe('0.0');
    expect(formatPoints(-0.0004, 'en')).toBe('0.0');
    expect(formatPoints(0.1234, 'en')).toBe('+12.3');
    expect(formatPoints(-0.5, 'en')).toBe('−50.0');
  });

  it('treats exactly five points off as on plan', () => {
    expect(shareStatus(0.05)).toBe('on');
    expect(shareStatus(0.35 - 0.3)).toBe('on'); // floating point: 0.04999…
    expect(shareStatus(0.0504)).toBe('on'); // reads +5.0, so on plan
    expect(shareStatus(0.051)).toBe('over');
    expect(shareStatus(-0.051)).toBe('under');
    expect(shareStatus(null)).toBe('none');
  });
});

function tierSharesDefaults() {
  return {
    vip: { spendAbove: 5000, interactionRatePercentAbove: 30, communityActivitiesAbove: 10 },
    silver: { purchaseWithinMonths: 3, watchMinutesAbove: 15 },
    spendWindowMonths: 12,
    targetShares: { vip: 15, silver: 35, bronze: 50 },
    autoTags: DEFAULT_AUTO_TAG_RULES,
  };
}
