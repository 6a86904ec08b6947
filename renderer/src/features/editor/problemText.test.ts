import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { translate } from '../../i18n/translate.ts';
import type { TFunction } from '../../i18n/useT.ts';
import { problemText } from './problemText.ts';

const tEn: TFunction = (key, params) => translate(en, key, params);
const tZh: TFunction = (key, params) => translate(zhCN, key, params);

describe('problemText', () => {
  it('shows limits in the unit the producer types', () => {
    expect(problemText(tEn, { kind: 'tooSmall', min: 10_000 }, 'clock')).toBe('Must be at least 00:10');
    expect(problemText(tEn, { kind: 'tooBig', max: 300_000 }, 'seconds')).toBe('Must be at most 300 s');
    expect(problemText(tEn, { kind: 'tooBig', max: 10_000_000 }, 'yuan')).toBe('Must be at most ¥10000000');
    expect(problemText(tZh, { kind: 'tooSmall', min: 1 }, 'count')).toBe('不能少于 1');
  });

  it('translates the schema’s rules and keeps an unknown message as it is', () => {
    expect(problemText(tZh, { kind: 'dealAboveList' }, 'yuan')).toBe('到手价不能高于原价');
    expect(problemText(tEn, { kind: 'tooLong', max: 200 }, 'text')).toBe('At most 200 characters');
    expect(problemText(tEn, { kind: 'other', message: 'something new' }, 'text')).toBe('something new');
  });
});
