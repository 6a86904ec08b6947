import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BannedWordList,
  compileBannedWords,
  effectiveBannedWords,
  findBannedWords,
  flagsForShow,
  highlightRanges,
  normalizeForMatching,
} from './compliance.ts';
import type { BannedWordEntry, BannedWordMatch } from './compliance.ts';
import { addCue, updateSegment } from './editor.ts';
import { importShowJson } from './import-export.ts';
import { fourModuleShow } from './templates.ts';

const words: BannedWordEntry[] = [
  { word: '最好', category: 'superlative' },
  { word: '全网最低', category: 'superlative' },
  { word: '最低价', category: 'superlative' },
  { word: '加微信', category: 'off-platform' },
  { word: '加V', category: 'off-platform' },
  { word: '100%有效', category: 'guarantee' },
  { word: 'cure', category: 'medical' },
  { word: 'number one', category: 'superlative' },
  { word: 'No.1', category: 'superlative' },
];

/** The matched slices of the original text, to keep expectations readable. */
function hits(text: string, list: Parameters<typeof findBannedWords>[1] = words): [string, string, number, number][] {
  return findBannedWords(text, list).map((m: BannedWordMatch) => [m.word, text.slice(m.start, m.end), m.start, m.end]);
}

describe('Chinese matching', () => {
  it('finds words inside running text without word boundaries, with indices into the original', () => {
    expect(hits('这是最好的面霜')).toEqual([['最好', '最好', 2, 4]]);
    expect(hits('想要的加微信私聊')).toEqual([['加微信', '加微信', 3, 6]]);
  });

  it('reports overlapping words and repeated occurrences', () => {
    expect(hits('全网最低价！最好最好')).toEqual([
      ['全网最低', '全网最低', 0, 4],
      ['最低价', '最低价', 2, 5],
      ['最好', '最好', 6, 8],
      ['最好', '最好', 8, 10],
    ]);
  });

  it('matches full-width forms and letters in any case (NFKC)', () => {
    expect(hits('保证１００％有效')).toEqual([['100%有效', '１００％有效', 2, 8]]);
    expect(hits('可以加ｖ哦')).toEqual([['加V', '加ｖ', 2, 4]]);
    expect(hits('可以加v哦')).toEqual([['加V', '加v', 2, 4]]);
  });

  it('sees through invisible characters and collapses white space runs', () => {
    expect(hits('加\u200B微\u200D信')).toEqual([['加微信', '加\u200B微\u200D信', 0, 5]]);
    expect(hits('we are number\n   one!')).toEqual([['number one', 'number\n   one', 7, 20]]);
  });

  it('does not flag a Latin word glued to more Latin letters, even after Chinese', () => {
    expect(hits('加VIP会员群')).toEqual([]);
    expect(hits('加V信')).toEqual([['加V', '加V', 0, 2]]);
  });
});

describe('English matching', () => {
  it('needs word boundaries and ignores case', () => {
    expect(hits('A CURE for dry skin')).toEqual([['cure', 'CURE', 2, 6]]);
    expect(hits('secure, curely, cures, manicure')).toEqual([]);
    expect(hits('cure-all')).toEqual([['cure', 'cure', 0, 4]]);
    expect(hits('这是cure的')).toEqual([['cure', 'cure', 2, 6]]);
  });

  it('handles words that start or end with punctuation', () => {
    expect(hits('We are No.1!')).toEqual([['No.1', 'No.1', 7, 11]]);
    expect(hits('No.10 in line')).toEqual([]);
    expect(hits('ＮＯ.１ here')).toEqual([['No.1', 'ＮＯ.１', 0, 4]]);
  });
});

describe('indices survive normalization that changes length', () => {
  it('maps matches back through expanding and combining characters', () => {
    // U+FB01 (ﬁ ligature) expands to "fi"; "e" + U+0301 composes to é.
    expect(hits('the ﬁnest', ['finest'])).toEqual([['finest', 'ﬁnest', 4, 9]]);
    expect(hits('cafe\u0301 best', ['café', 'best'])).toEqual([
      ['café', 'cafe\u0301', 0, 5],
      ['best', 'best', 6, 10],
    ]);
    expect(hits('😀最好😀')).toEqual([['最好', '最好', 2, 4]]);
  });

  it('exposes the normalized text and its map', () => {
    const n = normalizeForMatching('Ａ  b\u200Bc');
    expect(n.text).toBe('a bc');
    expect(n.starts).toEqual([0, 1, 3, 5]);
    expect(n.ends).toEqual([1, 3, 4, 6]);
  });
});

describe('lists and ranges', () => {
  it('accepts plain strings, ignores blank entries and keeps the first category of duplicates', () => {
    expect(findBannedWords('最好', ['  ', '最好', '最好 '])).toEqual([{ word: '最好', category: null, start: 0, end: 2 }]);
    const matcher = compileBannedWords(['最好', { word: '最好', category: 'superlative' }]);
    expect(findBannedWords('最好', matcher)).toEqual([{ word: '最好', category: 'superlative', start: 0, end: 2 }]);
    expect(findBannedWords('', words)).toEqual([]);
    expect(findBannedWords('最好', [])).toEqual([]);
  });

  it('merges overlapping and touching matches into highlight ranges', () => {
    expect(highlightRanges(findBannedWords('全网最低价最好，加微信', words))).toEqual([
      { start: 0, end: 7 },
      { start: 8, end: 11 },
    ]);
    expect(highlightRanges([])).toEqual([]);
  });

  it('stays fast on a long script', () => {
    const text = '今天给大家介绍一款面霜，质地轻薄。'.repeat(5_000) + '最好';
    const started = performance.now();
    expect(findBannedWords(text, words)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('shows', () => {
  function counter() {
    let n = 0;
    return () => `s-${++n}`;
  }

  it('lists each segment field with matches: title, talking points, cue messages', () => {
    let show = fourModuleShow({ newId: counter(), title: 'T' });
    show = updateSegment(show, 's-2', { title: '开场：全网最低价', talkingPoints: '欢迎！\n有问题加微信' });
    show = addCue(show, 's-4', { id: 'cue-1', offsetMs: 0, message: 'Say it is the number one cream' });
    show = addCue(show, 's-4', { id: 'cue-2', offsetMs: 0, message: 'clean cue' });
    const flags = flagsForShow(show, words);
    expect(flags.map((f) => [f.segmentId, f.field, f.cueId, f.matches.map((m) => m.word)])).toEqual([
      ['s-2', 'title', null, ['全网最低', '最低价']],
      ['s-2', 'talkingPoints', null, ['加微信']],
      ['s-4', 'cue', 'cue-1', ['number one']],
    ]);
    expect(flags[1]?.matches[0]).toEqual({ word: '加微信', category: 'off-platform', start: 7, end: 10 });
    expect('欢迎！\n有问题加微信'.slice(7, 10)).toBe('加微信');
  });

  it('uses the default list when the show has none, else its own with known categories', () => {
    expect(effectiveBannedWords({ bannedWords: null }, words)).toEqual(words);
    expect(effectiveBannedWords({ bannedWords: ['最好', '自研词'] }, words)).toEqual([
      { word: '最好', category: 'superlative' },
      { word: '自研词', category: null },
    ]);
  });
});

describe('shipped default list (assets/banned-words.json)', () => {
  const list = BannedWordList.parse(JSON.parse(readFileSync(new URL('../../assets/banned-words.json', import.meta.url), 'utf8')));

  it('validates, has 40–80 entries in Chinese and English, and covers every category', () => {
    expect(list.words.length).toBeGreaterThanOrEqual(40);
    expect(list.words.length).toBeLessThanOrEqual(80);
    expect(list.words.some((w) => /\p{sc=Han}/u.test(w.word))).toBe(true);
    expect(list.words.some((w) => /^[\x20-\x7e]+$/.test(w.word))).toBe(true);
    expect(new Set(list.words.map((w) => w.category))).toEqual(new Set(['superlative', 'medical', 'guarantee', 'off-platform']));
  });

  it('catches typical claims of each category', () => {
    const categories = (text: string) => [...new Set(findBannedWords(text, list.words).map((m) => m.category))];
    expect(categories('这款是全网最低价')).toEqual(['superlative']);
    expect(categories('可以根治痘痘')).toEqual(['medical']);
    expect(categories('１００％有效，无效退款')).toEqual(['guarantee']);
    expect(categories('下单前先加微信')).toEqual(['off-platform']);
    expect(categories('This is the best cream, it cures acne, guaranteed! Add me on WeChat')).toEqual([
      'superlative',
      'medical',
      'guarantee',
      'off-platform',
    ]);
  });

  it('does not flag the shipped sample show', () => {
    const imported = importShowJson(readFileSync(new URL('../../assets/sample-show.json', import.meta.url), 'utf8'));
    if (!imported.ok) throw new Error('sample show should import');
    expect(flagsForShow(imported.show, effectiveBannedWords(imported.show, list.words))).toEqual([]);
  });

  it('the list schema refuses duplicates after normalization and unknown categories', () => {
    const dup = BannedWordList.safeParse({ version: 1, words: [{ word: '最好', category: 'superlative' }, { word: ' 最好', category: 'medical' }] });
    expect(dup.error?.issues[0]).toMatchObject({ path: ['words', 1, 'word'], message: 'same word as entry 0' });
    expect(BannedWordList.safeParse({ version: 1, words: [{ word: 'x', category: 'rude' }] }).success).toBe(false);
    expect(BannedWordList.safeParse({ version: 2, words: [{ word: 'x', category: 'medical' }] }).success).toBe(false);
  });
});
