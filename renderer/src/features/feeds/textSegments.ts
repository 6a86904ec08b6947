/**
 * Splitting outside text (comments, nicknames) into plain and marked pieces. The pieces are rendered as React text
 * and <mark> elements: nothing here builds HTML, so markup in a comment stays characters on screen.
 */

export type SegmentKind = 'plain' | 'highlight' | 'banned';

export interface TextSegment {
  text: string;
  kind: SegmentKind;
}

export interface MarkRange {
  start: number;
  end: number;
  kind: Exclude<SegmentKind, 'plain'>;
}

/** Longest lists accepted from a settings field; more is a paste accident. */
const MAX_WORDS = 200;
const MAX_WORD_LENGTH = 100;

/** "尺码, 发货，size、link" → ['尺码', '发货', 'size', 'link']: commas in either width, 、 and new lines separate. */
export function parseWordList(raw: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const part of raw.split(/[,，、;；\n]/)) {
    const word = part.trim().slice(0, MAX_WORD_LENGTH);
    const key = word.toLowerCase();
    if (word === '' || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
    if (words.length >= MAX_WORDS) break;
  }
  return words;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** One case-insensitive pattern for all the words, longest first so "size chart" wins over "size"; null for none. */
export function highlightPattern(words: readonly string[]): RegExp | null {
  if (words.length === 0) return null;
  const sorted = [...words].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRegExp).join('|'), 'giu');
}

/** Where `pattern` matches in `text`, as highlight ranges. */
export function highlightRanges(text: string, pattern: RegExp | null): MarkRange[] {
  if (pattern === null || text === '') return [];
  const ranges: MarkRange[] = [];
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    ranges.push({ start: m.index, end: m.index + m[0].length, kind: 'highlight' });
  }
  return ranges;
}

/**
 * `text` cut into consecutive pieces, each plain or marked. Where ranges overlap, 'banned' wins over 'highlight'.
 * Out-of-bounds and empty ranges are ignored. Joining the pieces' text gives back `text` exactly.
 */
export function splitSegments(text: string, ranges: readonly MarkRange[]): TextSegment[] {
  if (text === '') return [];
  if (ranges.length === 0) return [{ text, kind: 'plain' }];
  const rank = { plain: 0, highlight: 1, banned: 2 } as const;
  const kinds = new Array<SegmentKind>(text.length).fill('plain');
  for (const r of ranges) {
    const start = Math.max(0, Math.floor(r.start));
    const end = Math.min(text.length, Math.floor(r.end));
    for (let i = start; i < end; i++) if (rank[r.kind] > rank[kinds[i] ?? 'plain']) kinds[i] = r.kind;
  }
  const segments: TextSegment[] = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || kinds[i] !== kinds[from]) {
      segments.push({ text: text.slice(from, i), kind: kinds[from] ?? 'plain' });
      from = i;
    }
  }
  return segments;
}
