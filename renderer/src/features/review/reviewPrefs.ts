import { create } from 'zustand';

interface ReviewPrefs {
  /** Count rehearsals in the averages too (off: broadcasts only, as the plan compares real shows). */
  includeRehearsals: boolean;
  setIncludeRehearsals: (include: boolean) => void;
}

/** Choices shared by the sessions list and a session's review, for this page's lifetime. */
export const useReviewPrefs = create<ReviewPrefs>()((set) => ({
  includeRehearsals: false,
  setIncludeRehearsals: (includeRehearsals) => set({ includeRehearsals }),
}));
