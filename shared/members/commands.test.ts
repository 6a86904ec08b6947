import { describe, expect, it } from 'vitest';
import { MembersGrantPromotionCommand } from './commands.ts';

const H = 3_600_000;
const START = Date.UTC(2025, 5, 1, 0, 0, 0);
const END = Date.UTC(2025, 5, 20, 0, 0, 0);

describe('the grant command', () => {
  const base = { type: 'members.grantPromotion', target: { memberIds: ['C1'] }, lift: 'step', endsAt: END, reason: '618 festival' };
  it('accepts a period, ids or a selection', () => {
    expect(MembersGrantPromotionCommand.safeParse(base).success).toBe(true);
    expect(MembersGrantPromotionCommand.safeParse({ ...base, startsAt: START }).success).toBe(true);
    expect(MembersGrantPromotionCommand.safeParse({ ...base, target: { selection: { tier: 'silver', autoTag: 'lapsed' } } }).success).toBe(true);
  });

  it('refuses an end not after the start, a period over 366 days, an empty selection, no reason, an unknown lift', () => {
    const issue = (input: unknown) => {
      const r = MembersGrantPromotionCommand.safeParse(input);
      return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };
    expect(issue({ ...base, startsAt: END })).toMatch(/^endsAt: must be after startsAt/);
    expect(issue({ ...base, startsAt: END - 366 * 24 * H })).toBeNull();
    expect(issue({ ...base, startsAt: END - 366 * 24 * H - 1 })).toMatch(/at most 366 days/);
    expect(issue({ ...base, target: { selection: {} } })).toMatch(/at least a tier, a tag or an automatic tag/);
    expect(issue({ ...base, reason: '  ' })).toMatch(/^reason/);
    expect(issue({ ...base, lift: 'bronze' })).toMatch(/^lift/);
    expect(issue({ ...base, target: { memberIds: [] } })).not.toBeNull();
  });
});
