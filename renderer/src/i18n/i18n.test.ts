import { describe, expect, it } from 'vitest';
import { ErrorCode, ObsOfflineReason } from '../../../shared/protocol/index.ts';
import { en, type MessageKey } from './en.ts';
import { zhCN } from './zh-CN.ts';
import { DICTIONARIES, LANGUAGES, isLanguage, pickLanguage } from './languages.ts';
import { interpolate, isMessageKey, placeholders, translate } from './translate.ts';

const keys = Object.keys(en) as MessageKey[];

describe('dictionaries', () => {
  it.each(LANGUAGES)('%s has every key, non-empty', (lang) => {
    const dict = DICTIONARIES[lang];
    expect(Object.keys(dict).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(dict[key].trim(), `${lang}: ${key}`).not.toBe('');
  });

  it('uses the same placeholders in every language', () => {
    for (const key of keys) expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
  });

  it('translates every OBS offline reason and error code', () => {
    for (const reason of ObsOfflineReason.options) expect(isMessageKey(en, `obs.reason.${reason}`), reason).toBe(true);
    for (const code of ErrorCode.options) expect(isMessageKey(en, `error.code.${code}`), code).toBe(true);
  });

  it('translates the known notice codes', () => {
    for (const code of ['obs.connected', 'obs.connection_lost', 'engine.port_in_use', 'obs.scene_switch_failed', 'obs.panic']) {
      expect(isMessageKey(en, `notice.${code}`), code).toBe(true);
    }
  });

  it('names each language in its own script', () => {
    for (const lang of LANGUAGES) {
      expect(DICTIONARIES[lang]['language.en']).toBe('English');
      expect(DICTIONARIES[lang]['language.zh-CN']).toBe('中文');
    }
  });
});

describe('interpolate', () => {
  it('fills placeholders, repeatedly and with numbers', () => {
    expect(interpolate('{a} and {b} and {a}', { a: 'x', b: 2 })).toBe('x and 2 and x');
  });

  it('leaves unknown placeholders visible', () => {
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
  });

  it('does not treat values as templates', () => {
    expect(interpolate('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
  });

  it('works through translate', () => {
    expect(translate(en, 'obs.retryIn', { seconds: 3 })).toBe('Retrying in 3 s');
    expect(translate(zhCN, 'obs.retryIn', { seconds: 3 })).toBe('3 秒后重试');
  });
});

describe('pickLanguage', () => {
  it('prefers a valid stored choice', () => {
    expect(pickLanguage('en', 'zh-CN')).toBe('en');
    expect(pickLanguage('zh-CN', 'en-US')).toBe('zh-CN');
  });

  it('follows the system language otherwise', () => {
    expect(pickLanguage(null, 'zh-TW')).toBe('zh-CN');
    expect(pickLanguage('fr', 'zh')).toBe('zh-CN');
    expect(pickLanguage(null, 'en-GB')).toBe('en');
    expect(pickLanguage(null, undefined)).toBe('en');
  });

  it('recognises only the supported languages', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('zh-CN')).toBe(true);
    expect(isLanguage('zh')).toBe(false);
    expect(isLanguage(3)).toBe(false);
  });
});
