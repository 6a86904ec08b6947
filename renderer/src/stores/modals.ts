import { create } from 'zustand';

interface ModalStore {
  /** How many modal dialogs are open; keyboard shortcuts stay quiet while any is. */
  open: number;
  opened: () => void;
  closed: () => void;
}

export const useModals = create<ModalStore>()((set) => ({
  open: 0,
  opened: () => set((s) => ({ open: s.open + 1 })),
  closed: () => set((s) => ({ open: Math.max(0, s.open - 1) })),
}));
