import { describe, expect, it } from 'vitest';
import { highlightPattern, highlightRanges, parseWordList, splitSegments, type TextSegment } from './textSegments.ts';

const join = (segments: TextSegment[]) => segments.map((s) => s.text).join('');
const marked = (segments: TextSegment[]) => segments.filter((s) => s.kind !== 'plain').map((s) => s.text);

function highlight(text: string, words: string): TextSegment[] {
  return splitSegments(text, highlightRanges(text, highlightPattern(parseWordList(words))));
}

describe('parseWordList', () => {
  it('splits on ASCII and full-width commas, 、 and new lines, trimming', () => {
    expect(parseWordList(' 尺码 , 发货，size、link\n 包邮 ')).toEqual(['尺码', '发货', 'size', 'link', '包邮']);
  });

  it('drops empty entries and case-insensitive repeats', () => {
    expect(parseWordList(',, Size ,size,SIZE, ,')).toEqual(['Size']);
    expect(parseWordList('')).toEqual([]);
  });
});

describe('highlighting', () => {
  it('marks matches case-insensitively, keeping the original text', () => {
    const s = highlight('What SIZE is this? size M', 'size');
    expect(marked(s)).toEqual(['SIZE', 'size']);
    expect(join(s)).toBe('What SIZE is this? size M');
  });

  it('marks Chinese substrings without word boundaries', () => {
    const s = highlight('这个尺码偏大吗，要不要拍小一码尺码', '尺码');
    expect(marked(s)).toEqual(['尺码', '尺码']);
    expect(s[0]).toEqual({ text: '这个', kind: 'plain' });
  });

  it('prefers the longer word where two overlap', () => {
    expect(marked(highlight('size chart please', 'size, size chart'))).toEqual(['size chart']);
  });

  it('treats regular-expression characters in words literally', () => {
    expect(marked(highlight('price (50%) off? a+b', '(50%), a+b, ?'))).toEqual(['(50%)', '?', 'a+b']);
    expect(marked(highlight('aaaa', '.*'))).toEqual([]);
  });

  it('leaves the text as one plain piece without words or matches', () => {
    expect(highlight('hello', '')).toEqual([{ text: 'hello', kind: 'plain' }]);
    expect(highlight('hello', 'xyz')).toEqual([{ text: 'hello', kind: 'plain' }]);
    expect(splitSegments('', [])).toEqual([]);
  });

  it('keeps emoji and other surrogate pairs whole', () => {
    const s = highlight('好看😍好看', '好看');
    expect(s).toEqual([
      { text: '好看', kind: 'highlight' },
      { text: '😍', kind: 'plain' },
      { text: '好看', kind: 'highlight' },
    ]);
  });
});

describe('splitSegments', () => {
  it('lets banned words win over highlights where they overlap', () => {
    const s = splitSegments('全网最低价包邮', [
      { start: 0, end: 5, kind: 'highlight' },
      { start: 2, end: 5, kind: 'banned' },
    ]);
    expect(s).toEqual([
      { text: '全网', kind: 'highlight' },
      { text: '最低价', kind: 'banned' },
      { text: '包邮', kind: 'plain' },
    ]);
  });

  it('ignores ranges outside the text', () => {
    expect(splitSegments('abc', [{ start: -5, end: 1, kind: 'highlight' }, { start: 2, end: 99, kind: 'banned' }])).toEqual([
      { text: 'a', kind: 'highlight' },
      { text: 'b', kind: 'plain' },
      { text: 'c', kind: 'banned' },
    ]);
  });
});

describe('hostile text stays text', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '<script>alert("x")</script>',
    '"><svg/onload=alert(1)>',
    '&lt;b&gt; &amp; {{constructor}} ${1+1}',
    '\u202Eevil\u202C name',
  ];

  it.each(hostile)('%s comes back unchanged as segment text', (text) => {
    const plain = splitSegments(text, []);
    expect(plain).toEqual([{ text, kind: 'plain' }]);
    const s = highlight(text, 'img, alert, script, svg, amp');
    expect(join(s)).toBe(text);
    for (const seg of s) expect(typeof seg.text).toBe('string');
  });

  it('highlights inside markup without interpreting it', () => {
    const s = highlight('<img src=x onerror=alert(1)>', 'onerror');
    expect(s).toEqual([
      { text: '<img src=x ', kind: 'plain' },
      { text: 'onerror', kind: 'highlight' },
      { text: '=alert(1)>', kind: 'plain' },
    ]);
  });

  it('accepts markup as a highlight word, matching it literally', () => {
    expect(marked(highlight('hi <b>there</b>', '<b>'))).toEqual(['<b>']);
  });
});
