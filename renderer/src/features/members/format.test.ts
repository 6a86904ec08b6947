import { describe, expect, it } from 'vitest';
import { formatDay, formatMinutes, formatSpend, memberName } from './format.ts';

describe('member texts', () => {
  it('falls back to the id for blank or invisible names', () => {
    expect(memberName('小鱼酱', 'M1')).toBe('小鱼酱');
    expect(memberName('', 'M1')).toBe('M1');
    expect(memberName('\u200b', 'M1')).toBe('M1');
    expect(memberName(' \u202e\ufeff ', 'M1')).toBe('M1');
    expect(memberName('a\u200b', 'M1')).toBe('a\u200b');
  });

  it('formats spend, days and minutes', () => {
    expect(formatSpend(1026, 'en')).toBe('¥1,026.00');
    expect(formatSpend(null, 'en')).toBe('—');
    expect(formatDay(null, 'en')).toBe('—');
    expect(formatMinutes(90_000, 'en')).toBe('1.5');
  });
});
