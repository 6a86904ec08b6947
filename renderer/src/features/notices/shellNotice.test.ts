import { describe, expect, it } from 'vitest';
import type { ShellNotice } from '../../../../shared/shell-bridge.ts';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { translate, type Dictionary } from '../../i18n/translate.ts';
import type { TFunction } from '../../i18n/useT.ts';
import { shellNoticeLevel, shellNoticeText } from './shellNotice.ts';

const tFor =
  (dict: Dictionary): TFunction =>
  (key, params) =>
    translate(dict, key, params);

const all: ShellNotice[] = [
  { kind: 'engine-restarting', exitCode: 1, attempt: 2, restartInMs: 1500 },
  { kind: 'engine-restarted' },
  { kind: 'engine-fatal', code: 'newer_schema', message: 'database from a newer Cuedeck' },
  { kind: 'engine-gave-up', crashes: 5, exitCode: 1 },
  { kind: 'secret-not-saved', key: 'obs.password', reason: 'no keychain' },
];

describe('shell notices', () => {
  it('fill every placeholder in both languages', () => {
    for (const dict of [en, zhCN]) {
      for (const notice of all) expect(shellNoticeText(tFor(dict), notice), notice.kind).not.toMatch(/\{\w+\}/);
    }
  });

  it('say what happened with the details', () => {
    const t = tFor(en);
    expect(shellNoticeText(t, all[0] as ShellNotice)).toContain('in 2 s');
    expect(shellNoticeText(t, all[4] as ShellNotice)).toBe('Could not store the OBS password securely on this computer: no keychain');
    expect(shellNoticeText(t, { kind: 'secret-not-saved', key: 'other.key', reason: 'x' })).toContain('other.key');
  });

  it('are as loud as they are serious', () => {
    expect(all.map(shellNoticeLevel)).toEqual(['warning', 'info', 'error', 'error', 'warning']);
  });
});
