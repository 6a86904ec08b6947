import { foldText } from '../../../../shared/feeds/detect.ts';
import type { PinnedComment } from '../../../../shared/protocol/index.ts';
import { findBannedWords, type BannedWordMatch, type BannedWordMatcher } from '../../../../shared/show/compliance.ts';
import type { CommentEntry } from './feedBuffer.ts';

export const COMMENT_FILTERS = ['all', 'questions', 'intent', 'flagged', 'pinned', 'vip'] as const;
export type CommentFilter = (typeof COMMENT_FILTERS)[number];

/** What the compliance check found in one comment; computed once per comment and word list. */
export interface CommentFlags {
  readonly banned: readonly BannedWordMatch[];
  /** The distinct words found, for the row's marker. */
  readonly words: readonly string[];
}

const NO_FLAGS: CommentFlags = { banned: [], words: [] };

/**
 * Banned-word checks for comments against one word list, cached per comment entry: a comment is checked once when
 * it arrives, not on every batch or render. A new word list means a new annotator.
 */
export function createFlagger(matcher: BannedWordMatcher | null): (entry: CommentEntry) => CommentFlags {
  if (matcher === null || matcher.compiled.length === 0) return () => NO_FLAGS;
  const cache = new WeakMap<CommentEntry, CommentFlags>();
  return (entry) => {
    let flags = cache.get(entry);
    if (flags === undefined) {
      const banned = findBannedWords(entry.event.text, matcher);
      flags = banned.length === 0 ? NO_FLAGS : { banned, words: [...new Set(banned.map((m) => m.word))] };
      cache.set(entry, flags);
    }
    return flags;
  };
}

const foldedCache = new WeakMap<CommentEntry, string>();

/** Nickname and text, folded for matching (NFKC, no invisible characters, lower case); cached per entry. */
export function foldedComment(entry: CommentEntry): string {
  let folded = foldedCache.get(entry);
  if (folded === undefined) {
    folded = `${foldText(entry.event.nickname)}\n${foldText(entry.event.text)}`;
    foldedCache.set(entry, folded);
  }
  return folded;
}

export interface CommentQuery {
  filter: CommentFilter;
  /** The search box as typed. */
  search: string;
  /** Blocklist words (already split). */
  blocked: readonly string[];
  /** Ids of pinned comments. */
  pinned: ReadonlySet<string>;
  /** Whether the comment's author is a VIP member (the members-by-tier filter); without it that filter lists none. */
  isVip?: (entry: CommentEntry) => boolean;
}

export interface CompiledQuery {
  /** Whether a comment is hidden by the blocklist. */
  isBlocked: (entry: CommentEntry) => boolean;
  /** Whether a comment not blocked passes the filter and the search. */
  matches: (entry: CommentEntry) => boolean;
}

/** Turns the panel's settings into two tests, with the words folded once rather than per comment. */
export function compileQuery(query: CommentQuery, flags: (entry: CommentEntry) => CommentFlags): CompiledQuery {
  const blocked = query.blocked.map(foldText).filter((w) => w !== '');
  const search = foldText(query.search);
  const isBlocked = blocked.length === 0 ? () => false : (entry: CommentEntry) => blocked.some((w) => foldedComment(entry).includes(w));
  const passesFilter = (entry: CommentEntry): boolean => {
    switch (query.filter) {
      case 'all':
        return true;
      case 'questions':
        return entry.event.isQuestion === true;
      case 'intent':
        return entry.event.purchaseIntent === true;
      case 'flagged':
        return flags(entry).banned.length > 0;
      case 'pinned':
        return query.pinned.has(entry.event.id);
      case 'vip':
        return query.isVip?.(entry) ?? false;
    }
  };
  const matches = search === '' ? passesFilter : (entry: CommentEntry) => passesFilter(entry) && foldedComment(entry).includes(search);
  return { isBlocked, matches };
}

export interface DerivedComments {
  /** The comments to list, oldest first. */
  rows: CommentEntry[];
  /** How many of the held comments the blocklist hides. */
  blocked: number;
}

/** The rows the panel lists: done once per batch or settings change, never per row render. */
export function deriveComments(entries: readonly CommentEntry[], query: CompiledQuery): DerivedComments {
  const rows: CommentEntry[] = [];
  let blocked = 0;
  for (const entry of entries) {
    if (query.isBlocked(entry)) blocked += 1;
    else if (query.matches(entry)) rows.push(entry);
  }
  return { rows, blocked };
}

export interface NewSince {
  /** Comments after `seq` that the panel would list. */
  count: number;
  /** Some comments after `seq` fell out of the buffer before they could be counted: `count` is a lower bound. */
  more: boolean;
}

/** How many listable comments arrived after the one with sequence number `seq` (the "N new" button). */
export function newSince(entries: readonly CommentEntry[], seq: number, query: CompiledQuery): NewSince {
  let count = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as CommentEntry;
    if (entry.seq <= seq) break;
    if (!query.isBlocked(entry) && query.matches(entry)) count += 1;
  }
  const first = entries[0];
  return { count, more: first !== undefined && first.seq > seq + 1 };
}

/**
 * Entries for the pinned filter, oldest first: pins stay listed after their comment left the buffer (the engine
 * keeps up to five, with their text). A held comment keeps its own entry, so its row is shared.
 */
export function pinnedEntries(pinned: readonly PinnedComment[], held: readonly CommentEntry[]): CommentEntry[] {
  const wanted = new Set(pinned.map((p) => p.eventId));
  const byId = new Map<string, CommentEntry>();
  if (wanted.size > 0) for (const entry of held) if (wanted.has(entry.event.id)) byId.set(entry.event.id, entry);
  return pinned
    .map(
      (p): CommentEntry =>
        byId.get(p.eventId) ?? {
          seq: 0,
          event: {
            type: 'comment',
            id: p.eventId,
            feedId: '',
            platform: p.platform,
            at: p.at,
            userId: '',
            nickname: p.nickname,
            text: p.text,
            isQuestion: p.isQuestion,
          },
        },
    )
    .sort((a, b) => a.event.at - b.event.at);
}
