import { describe, expect, it } from 'vitest';
import { moveSegment } from '../../../../shared/show/editor.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import { dropIndex, exportFileName, formatYuanInput, newId, parseWholeNumber, parseYuan } from './editorInput.ts';
import { parseImportIssue } from './importErrors.ts';
import { highlightText, matcherFor, splitByRanges } from './highlight.ts';

describe('parseYuan', () => {
  it('reads prices with up to two decimals, a currency sign and separators', () => {
    expect(parseYuan('19.9')).toEqual({ ok: true, value: 19.9 });
    expect(parseYuan(' ¥1,299.00 ')).toEqual({ ok: true, value: 1299 });
    expect(parseYuan('￥0.05')).toEqual({ ok: true, value: 0.05 });
  });

  it('refuses what is not a price', () => {
    for (const bad of ['', '19.', '1.234', '-5', 'abc', '1e3']) expect(parseYuan(bad).ok, bad).toBe(false);
  });
});

describe('parseWholeNumber', () => {
  it('reads whole counts only', () => {
    expect(parseWholeNumber('1,000')).toEqual({ ok: true, value: 1000 });
    expect(parseWholeNumber('0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['', '1.5', '-1', 'x']) expect(parseWholeNumber(bad).ok, bad).toBe(false);
  });
});

describe('formatYuanInput', () => {
  it('drops .00 on whole amounts', () => {
    expect(formatYuanInput(99)).toBe('99');
    expect(formatYuanInput(19.9)).toBe('19.90');
  });
});

describe('dropIndex', () => {
  const show = {
    segments: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
  } as unknown as Show;
  const order = (from: number, over: number, after: boolean) =>
    moveSegment(show, from, dropIndex(from, over, after)).segments.map((s) => s.id).join('');

  it('puts the segment before or after the row it was dropped on', () => {
    expect(order(0, 2, false)).toBe('bacd');
    expect(order(0, 2, true)).toBe('bcad');
    expect(order(3, 0, false)).toBe('dabc');
    expect(order(3, 1, true)).toBe('abdc');
    expect(order(1, 1, true)).toBe('abcd');
    expect(order(0, 3, true)).toBe('bcda');
  });
});

describe('newId', () => {
  it('makes ids the schema accepts, different each time', () => {
    const a = newId();
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(newId()).not.toBe(a);
  });
});

describe('exportFileName', () => {
  it('keeps Chinese titles and drops characters file systems refuse', () => {
    expect(exportFileName('春季护肤专场', 'json')).toBe('春季护肤专场.json');
    expect(exportFileName('a/b:c?\n', 'csv')).toBe('a b c.csv');
    expect(exportFileName('  ', 'csv')).toBe('show.csv');
    expect(exportFileName('..hidden', 'json')).toBe('hidden.json');
  });
});

describe('parseImportIssue', () => {
  it('splits the engine’s line, column and field', () => {
    expect(parseImportIssue('line 3, title: required')).toEqual({ line: 3, column: null, field: 'title', message: 'required' });
    expect(parseImportIssue('line 2:14, (file): Unexpected token')).toEqual({ line: 2, column: 14, field: '', message: 'Unexpected token' });
    expect(parseImportIssue('line null, (file): the file is too large')).toEqual({
      line: null,
      column: null,
      field: '',
      message: 'the file is too large',
    });
    expect(parseImportIssue('line 5, show.segments[0].title: at most 200 characters: really')).toMatchObject({
      line: 5,
      field: 'show.segments[0].title',
      message: 'at most 200 characters: really',
    });
  });

  it('keeps an unknown shape whole', () => {
    expect(parseImportIssue('something odd')).toEqual({ line: null, column: null, field: '', message: 'something odd' });
  });
});

describe('splitByRanges', () => {
  it('cuts a text into plain and marked pieces', () => {
    expect(splitByRanges('abcdef', [{ start: 1, end: 3 }])).toEqual([
      { text: 'a', marked: false },
      { text: 'bc', marked: true },
      { text: 'def', marked: false },
    ]);
    expect(splitByRanges('abc', [{ start: 0, end: 3 }])).toEqual([{ text: 'abc', marked: true }]);
    expect(splitByRanges('abc', [])).toEqual([{ text: 'abc', marked: false }]);
    expect(splitByRanges('', [])).toEqual([]);
  });

  it('survives ranges past the end of a text that changed', () => {
    expect(splitByRanges('ab', [{ start: 1, end: 9 }])).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: true },
    ]);
  });
});

describe('highlightText', () => {
  it('marks banned words, overlaps merged, with the default list when the show has none', () => {
    const matcher = matcherFor({ bannedWords: null }, ['最低价', '全网最低']);
    const { pieces, words } = highlightText('今天全网最低价！', matcher);
    expect(pieces).toEqual([
      { text: '今天', marked: false },
      { text: '全网最低价', marked: true },
      { text: '！', marked: false },
    ]);
    expect(words.sort()).toEqual(['全网最低', '最低价'].sort());
  });

  it('uses the show’s own list when it has one', () => {
    const matcher = matcherFor({ bannedWords: ['cure'] }, ['最低价']);
    expect(highlightText('最低价 cure', matcher).words).toEqual(['cure']);
  });
});
