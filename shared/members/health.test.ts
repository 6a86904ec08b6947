import { describe, expect, it } from 'vitest';
import { memberHealth } from './health.ts';

describe('memberHealth', () => {
  it('LTV over buyers, repurchase and churn as shares of buyers; nothing to divide by gives null', () => {
    expect(memberHealth({ members: 10, buyers: 4, spendFen: 100_000, repeatBuyers: 1, lapsed: 2 })).toEqual({
      members: 10,
      buyers: 4,
      ltv: 250,
      repeatBuyers: 1,
      repeatRate: 0.25,
      lapsed: 2,
      churnRate: 0.5,
    });
    expect(memberHealth({ members: 3, buyers: 0, spendFen: 0, repeatBuyers: 0, lapsed: 0 })).toMatchObject({ ltv: null, repeatRate: null, churnRate: null });
  });
});
