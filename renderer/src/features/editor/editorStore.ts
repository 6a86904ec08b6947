import { create } from 'zustand';
import type { CommandError } from '../../../../shared/protocol/index.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import { sendCommand } from '../../app/connection.ts';
import { createDraft, edit, planSave, receiveEngineShow, redoEdit, saveAnswered, saveStarted, undoEdit, type DraftState } from './draft.ts';

/**
 * The engine takes at most 64 kB per message; a script beyond it cannot be saved in one show.replace. Checked
 * here so the producer gets a clear message instead of a dropped connection.
 */
export const MAX_SAVE_BYTES = 62 * 1024;

export type SaveError = { kind: 'command'; error: CommandError } | { kind: 'tooLarge'; kb: number };

interface EditorStore {
  draft: DraftState | null;
  selectedId: string | null;
  saveError: SaveError | null;
  /** The engine's script arrived or changed. */
  receive: (show: Show) => void;
  /** An edit of the working copy; `key` merges a burst of edits of one field into one undo step. */
  change: (update: (show: Show) => Show, key?: string | null) => void;
  undo: () => void;
  redo: () => void;
  /** Sends the working copy again (after a failed save). */
  retry: () => void;
  select: (segmentId: string | null) => void;
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The show editor's working copy; kept while the producer visits other views, with its undo history. */
export const useEditor = create<EditorStore>()((set, get) => {
  const save = () => {
    const draft = get().draft;
    if (draft === null) return;
    const plan = planSave(draft);
    if (plan.kind !== 'save') {
      if (plan.kind === 'unchanged') set({ saveError: null });
      return;
    }
    const command = { type: 'show.replace', show: plan.show } as const;
    const bytes = byteLength(JSON.stringify(command));
    if (bytes > MAX_SAVE_BYTES) {
      set({ saveError: { kind: 'tooLarge', kb: Math.ceil(bytes / 1024) } });
      return;
    }
    set({ draft: saveStarted(draft, plan.show) });
    void sendCommand(command).then((result) => {
      const now = get().draft;
      set({
        draft: now === null ? null : saveAnswered(now),
        saveError: result.ok ? null : { kind: 'command', error: result.error },
      });
    });
  };

  return {
    draft: null,
    selectedId: null,
    saveError: null,
    receive: (show) => {
      const draft = get().draft;
      set({ draft: draft === null ? createDraft(show) : receiveEngineShow(draft, show) });
    },
    change: (update, key = null) => {
      const draft = get().draft;
      if (draft === null) return;
      const next = edit(draft, update(draft.history.present), key);
      if (next === draft) return;
      set({ draft: next });
      save();
    },
    undo: () => {
      const draft = get().draft;
      if (draft === null) return;
      const next = undoEdit(draft);
      if (next === draft) return;
      set({ draft: next });
      save();
    },
    redo: () => {
      const draft = get().draft;
      if (draft === null) return;
      const next = redoEdit(draft);
      if (next === draft) return;
      set({ draft: next });
      save();
    },
    retry: save,
    select: (selectedId) => set({ selectedId }),
  };
});
