import { create } from 'zustand';

const HIGHLIGHT_KEY = 'cuedeck.comments.highlight';
const BLOCKLIST_KEY = 'cuedeck.comments.blocklist';
/** A settings field, not a document: longer is a paste accident. */
const MAX_CHARS = 5_000;

function read(key: string): string {
  try {
    return (globalThis.localStorage?.getItem(key) ?? '').slice(0, MAX_CHARS);
  } catch {
    return ''; // storage can be disabled
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // not persisted; the setting still holds for this page
  }
}

interface CommentSettings {
  /** Comma-separated words to mark in comments, as typed. */
  highlight: string;
  /** Comma-separated words; comments containing one are hidden. */
  blocklist: string;
  setHighlight: (value: string) => void;
  setBlocklist: (value: string) => void;
}

/** The comment panel's highlight words and blocklist, kept in this computer's localStorage. */
export const useCommentSettings = create<CommentSettings>()((set) => ({
  highlight: read(HIGHLIGHT_KEY),
  blocklist: read(BLOCKLIST_KEY),
  setHighlight: (value) => {
    const v = value.slice(0, MAX_CHARS);
    write(HIGHLIGHT_KEY, v);
    set({ highlight: v });
  },
  setBlocklist: (value) => {
    const v = value.slice(0, MAX_CHARS);
    write(BLOCKLIST_KEY, v);
    set({ blocklist: v });
  },
}));
