import { create } from 'zustand';

interface ShortcutsHelpStore {
  open: boolean;
  toggle: () => void;
  setOpen: (open: boolean) => void;
}

/** Whether the list of keyboard shortcuts is showing ("?" toggles it, also from outside React). */
export const useShortcutsHelp = create<ShortcutsHelpStore>()((set) => ({
  open: false,
  toggle: () => set((s) => ({ open: !s.open })),
  setOpen: (open) => set({ open }),
}));
