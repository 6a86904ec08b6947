import { describe, expect, it } from 'vitest';
import { repurchaseFigure, repurchaseWindow, shareOf } from './audience.ts';

const DAY = 86_400_000;

describe('audience figures', () => {
  it('shares are null without a base, never a division by zero', () => {
    expect(shareOf(3, 0)).toBeNull();
    expect(shareOf(0, 4)).toBe(0);
    expect(shareOf(1, 4)).toBe(0.25);
  });

  it('a repurchase window closes exactly N days after the show ended', () => {
    expect(repurchaseWindow(1_000, 7, 1_000 + 7 * DAY - 1).complete).toBe(false);
    expect(repurchaseWindow(1_000, 7, 1_000 + 7 * DAY)).toEqual({ from: 1_000, to: 1_000 + 7 * DAY, complete: true });
  });

  it('the repurchase rate is repeat buyers over the show’s buyers', () => {
    expect(repurchaseFigure(30, 2, 8, 0, 31 * DAY)).toEqual({ days: 30, buyers: 2, rate: 0.25, complete: true });
    expect(repurchaseFigure(30, 0, 0, 0, DAY)).toEqual({ days: 30, buyers: 0, rate: null, complete: false });
  });
});
