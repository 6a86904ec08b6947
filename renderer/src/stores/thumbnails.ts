import { create } from 'zustand';
import type { Thumbnail, ThumbnailTarget } from '../../../shared/protocol/index.ts';

interface ThumbnailStore {
  program: Thumbnail | null;
  preview: Thumbnail | null;
  receive: (thumbnail: Thumbnail) => void;
  /** Forget the pictures of targets no longer watched, so a remounted view never shows an old one as current. */
  keepOnly: (targets: readonly ThumbnailTarget[]) => void;
}

/** The latest program / preview pictures from the engine's `thumbnail` events. */
export const useThumbnails = create<ThumbnailStore>()((set) => ({
  program: null,
  preview: null,
  receive: (thumbnail) => set({ [thumbnail.target]: thumbnail }),
  keepOnly: (targets) =>
    set((s) => ({
      program: targets.includes('program') ? s.program : null,
      preview: targets.includes('preview') ? s.preview : null,
    })),
}));
