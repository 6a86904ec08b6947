import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { translate, type Dictionary } from '../../i18n/translate.ts';
import type { TFunction } from '../../i18n/useT.ts';
import { commandErrorText } from '../commands/commandErrorText.ts';
import { noticeText, toastText } from './toastText.ts';

const tFor =
  (dict: Dictionary): TFunction =>
  (key, params) =>
    translate(dict, key, params);
const t = tFor(en);

describe('noticeText', () => {
  it('translates known codes with their params', () => {
    expect(noticeText(t, 'engine.port_in_use', { requested: 7480, actual: 7481 })).toBe(
      'Port 7480 was busy, so the engine is using port 7481',
    );
    expect(noticeText(tFor(zhCN), 'obs.connected', { url: 'ws://h:4455' })).toBe('已连接 OBS（ws://h:4455）');
  });

  it('shows unknown codes generically, with the code', () => {
    expect(noticeText(t, 'obs.something_new', {})).toBe('Message from Cuedeck (obs.something_new)');
  });
});

describe('commandErrorText', () => {
  it('puts the translated code before the engine message', () => {
    expect(commandErrorText(t, { code: 'obs_not_connected', message: 'no socket' })).toBe('OBS is not connected: no socket');
  });

  it('can leave out a message that only restates the listed issues', () => {
    const error = { code: 'bad_request' as const, message: 'Invalid command: url: bad', issues: ['url: bad'] };
    expect(commandErrorText(t, error, { withoutIssues: true })).toBe('The engine refused the request');
    expect(commandErrorText(t, error)).toBe('The engine refused the request: Invalid command: url: bad');
  });

  it('shows the translated code alone when the message is blank', () => {
    expect(commandErrorText(t, { code: 'internal', message: '' })).toBe('Something went wrong in the engine');
  });
});

describe('toastText', () => {
  it('says what failed and why', () => {
    const text = toastText(t, {
      kind: 'commandFailed',
      action: 'scenes.switchFailed',
      params: { scene: 'Product' },
      error: { code: 'obs_request_failed', message: 'No source was found' },
    });
    expect(text).toBe('Could not switch to “Product”: OBS could not do it: No source was found');
  });
});
