import { compileBannedWords, findBannedWords, highlightRanges, type BannedWordMatcher } from '../../../../shared/show/compliance.ts';
import type { Show } from '../../../../shared/show/schema.ts';

export interface TextPiece {
  text: string;
  marked: boolean;
}

/** A text cut into plain and highlighted pieces (ranges as highlightRanges returns them: sorted, merged). */
export function splitByRanges(text: string, ranges: readonly { start: number; end: number }[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    const from = Math.max(at, Math.min(start, text.length));
    const to = Math.min(end, text.length);
    if (to <= from) continue;
    if (from > at) pieces.push({ text: text.slice(at, from), marked: false });
    pieces.push({ text: text.slice(from, to), marked: true });
    at = to;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/** The banned words that apply to a show: its own list, or the shipped default list. */
export function matcherFor(show: Pick<Show, 'bannedWords'>, defaults: readonly string[]): BannedWordMatcher {
  return compileBannedWords(show.bannedWords ?? defaults);
}

/** Pieces to render, and the distinct words found. */
export function highlightText(text: string, matcher: BannedWordMatcher): { pieces: TextPiece[]; words: string[] } {
  const matches = findBannedWords(text, matcher);
  return { pieces: splitByRanges(text, highlightRanges(matches)), words: [...new Set(matches.map((m) => m.word))] };
}
