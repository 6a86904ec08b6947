import { z } from 'zod';
import { SHOW_LIMITS } from './schema.ts';
import type { Show } from './schema.ts';

/*
 * Banned-word checks for scripts. Chinese has no spaces between words, so CJK words match as plain
 * substrings; Latin-script words match only as whole words ("cure" flags "a cure", not "secure").
 * Both sides are compared after NFKC (full-width ＡＢＣ１２３ → ABC123) and lower-casing, and invisible
 * characters are ignored so "加\u200B微信" is still caught. Matches are reported, never rewritten.
 */

export const BANNED_WORDS_FILE_VERSION = 1;

export const BannedWordCategory = z.enum([
  'superlative', // absolute claims: best, lowest price, number one
  'medical', // medical or efficacy claims for cosmetics and food
  'guarantee', // promised results, permanence, "no effect, full refund"
  'off-platform', // steering buyers to private chats or payments outside the platform
]);
export type BannedWordCategory = z.infer<typeof BannedWordCategory>;

export const BannedWordEntry = z.object({
  word: z.string().trim().min(1, 'required').max(SHOW_LIMITS.bannedWordMaxLength),
  category: BannedWordCategory,
});
export type BannedWordEntry = z.infer<typeof BannedWordEntry>;

/** Shape of assets/banned-words.json (read by the engine). */
export const BannedWordList = z
  .object({
    version: z.literal(BANNED_WORDS_FILE_VERSION),
    words: z.array(BannedWordEntry).min(1).max(SHOW_LIMITS.maxBannedWords),
  })
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.words.forEach((entry, i) => {
      const key = normalizeForMatching(entry.word).text.trim();
      const first = seen.get(key);
      if (first !== undefined) ctx.addIssue({ code: 'custom', message: `same word as entry ${first}`, path: ['words', i, 'word'] });
      else seen.set(key, i);
    });
  });
export type BannedWordList = z.infer<typeof BannedWordList>;

/** A plain string (a show's own list) or an entry with its category. */
export type BannedWordLike = string | { word: string; category?: BannedWordCategory | null };

export interface BannedWordMatch {
  /** The word as written in the list. */
  word: string;
  category: BannedWordCategory | null;
  /** UTF-16 offsets into the original text, end exclusive: `text.slice(start, end)` is what to highlight. */
  start: number;
  end: number;
}

// ---- normalization with a map back to the original text ------------------------------------------------

export interface NormalizedText {
  text: string;
  /** For each UTF-16 unit of `text`: where its source starts and ends in the original. */
  starts: number[];
  ends: number[];
}

// A base character with its combining marks, normalized together so "e" + U+0301 composes.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
// Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM: invisible, used to dodge filters.
const INVISIBLE = /^[\u00AD\u200B-\u200D\u2060\uFEFF]+$/u;
const SPACE = /^\s+$/u;

function normalizeCluster(cluster: string): string {
  if (cluster.length === 1) {
    const code = cluster.charCodeAt(0);
    if (code < 0x80) return cluster.toLowerCase();
    if (code >= 0x4e00 && code <= 0x9fff) return cluster; // CJK ideographs are NFKC-stable
  }
  return cluster.normalize('NFKC').toLowerCase();
}

/** NFKC, lower case, invisible characters dropped, each run of white space as one space. */
export function normalizeForMatching(original: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of original.matchAll(CLUSTER)) {
    const from = m.index;
    const to = from + m[0].length;
    if (INVISIBLE.test(m[0])) continue;
    let n = normalizeCluster(m[0]);
    if (SPACE.test(n)) {
      if (text.endsWith(' ')) {
        ends[ends.length - 1] = to;
        continue;
      }
      n = ' ';
    }
    text += n;
    for (let k = 0; k < n.length; k++) {
      starts.push(from);
      ends.push(to);
    }
  }
  return { text, starts, ends };
}

// ---- matching -------------------------------------------------------------------------------------------

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const WORDISH = /[\p{L}\p{N}\p{M}_]/u;

/** Letters and digits of scripts that separate words with spaces: only those need a word boundary. */
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORDISH.test(ch) && !CJK.test(ch);
}

function codePointBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const cp = text.codePointAt(index - 2);
    if (cp !== undefined && cp > 0xffff) return String.fromCodePoint(cp);
  }
  return text[index - 1];
}

function codePointAt(text: string, index: number): string | undefined {
  const cp = text.codePointAt(index);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

interface CompiledWord {
  word: string;
  category: BannedWordCategory | null;
  norm: string;
  boundaryBefore: boolean;
  boundaryAfter: boolean;
}

/** Precomputed list; build once when checking many texts with the same words. */
export interface BannedWordMatcher {
  readonly compiled: readonly CompiledWord[];
}

export function compileBannedWords(words: readonly BannedWordLike[]): BannedWordMatcher {
  const byNorm = new Map<string, CompiledWord>();
  for (const w of words) {
    const word = typeof w === 'string' ? w : w.word;
    const category = typeof w === 'string' ? null : (w.category ?? null);
    const norm = normalizeForMatching(word).text.trim();
    if (norm === '') continue;
    const existing = byNorm.get(norm);
    if (existing) {
      if (existing.category === null && category !== null) existing.category = category;
      continue;
    }
    // A word edge that is a Latin-like letter or digit must not sit inside a longer word of the text.
    byNorm.set(norm, {
      word,
      category,
      norm,
      boundaryBefore: isWordChar(codePointAt(norm, 0)),
      boundaryAfter: isWordChar(codePointBefore(norm, norm.length)),
    });
  }
  return { compiled: [...byNorm.values()] };
}

function isMatcher(x: BannedWordMatcher | readonly BannedWordLike[]): x is BannedWordMatcher {
  return !Array.isArray(x);
}

/** Every occurrence of every word, ordered by position (overlaps included, e.g. 全网最低 and 最低价). */
export function findBannedWords(text: string, words: BannedWordMatcher | readonly BannedWordLike[]): BannedWordMatch[] {
  const { compiled } = isMatcher(words) ? words : compileBannedWords(words);
  if (text === '' || compiled.length === 0) return [];
  const n = normalizeForMatching(text);
  const matches: BannedWordMatch[] = [];
  for (const w of compiled) {
    let from = 0;
    for (;;) {
      const at = n.text.indexOf(w.norm, from);
      if (at < 0) break;
      const after = at + w.norm.length;
      const okBefore = !w.boundaryBefore || !isWordChar(codePointBefore(n.text, at));
      const okAfter = !w.boundaryAfter || !isWordChar(codePointAt(n.text, after));
      if (okBefore && okAfter) {
        matches.push({ word: w.word, category: w.category, start: n.starts[at] ?? 0, end: n.ends[after - 1] ?? text.length });
        from = after;
      } else {
        from = at + 1;
      }
    }
  }
  return matches.sort((a, b) => a.start - b.start || b.end - a.end || a.word.localeCompare(b.word));
}

/** Overlapping and touching matches merged: the ranges a text view should highlight. */
export function highlightRanges(matches: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const m of sorted) {
    const last = out.at(-1);
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else out.push({ start: m.start, end: m.end });
  }
  return out;
}

// ---- shows ----------------------------------------------------------------------------------------------

/**
 * The words a show is checked against: its own list, or the default one when it has none. Words of the
 * show's own list that are also in the default list keep their category.
 */
export function effectiveBannedWords(show: Pick<Show, 'bannedWords'>, defaults: readonly BannedWordEntry[]): BannedWordLike[] {
  if (show.bannedWords === null) return [...defaults];
  const categoryOf = new Map(defaults.map((d) => [normalizeForMatching(d.word).text.trim(), d.category]));
  return show.bannedWords.map((word) => ({ word, category: categoryOf.get(normalizeForMatching(word).text.trim()) ?? null }));
}

export type FlaggedField = 'title' | 'talkingPoints' | 'cue';

export interface SegmentFlag {
  segmentId: string;
  field: FlaggedField;
  /** Set when field is 'cue': the cue whose message matched. */
  cueId: string | null;
  matches: BannedWordMatch[];
}

/** Every segment text (title, talking points, cue messages) that contains a banned word, in show order. */
export function flagsForShow(show: Pick<Show, 'segments'>, words: BannedWordMatcher | readonly BannedWordLike[]): SegmentFlag[] {
  const matcher = isMatcher(words) ? words : compileBannedWords(words);
  const flags: SegmentFlag[] = [];
  const check = (segmentId: string, field: FlaggedField, cueId: string | null, text: string) => {
    const matches = findBannedWords(text, matcher);
    if (matches.length > 0) flags.push({ segmentId, field, cueId, matches });
  };
  for (const s of show.segments) {
    check(s.id, 'title', null, s.title);
    check(s.id, 'talkingPoints', null, s.talkingPoints);
    for (const c of s.cues) check(s.id, 'cue', c.id, c.message);
  }
  return flags;
}
