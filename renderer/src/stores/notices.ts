import { create } from 'zustand';
import { INFO_TOAST_MS, addToast, removeToast, type Toast } from './toasts.ts';

interface NoticeStore {
  toasts: Toast[];
  show: (toast: Toast) => void;
  dismiss: (id: string) => void;
}

export const useNotices = create<NoticeStore>()((set, get) => ({
  toasts: [],
  show: (toast) => {
    const before = get().toasts;
    const toasts = addToast(before, toast);
    set({ toasts });
    const isNew = !before.some((t) => t.id === toast.id);
    if (isNew && toast.level === 'info') setTimeout(() => get().dismiss(toast.id), INFO_TOAST_MS);
  },
  dismiss: (id) => set({ toasts: removeToast(get().toasts, id) }),
}));

let localCounter = 0;
/** Ids for toasts that do not come from the engine (command failures, shell notices). */
export function localToastId(prefix: string): string {
  localCounter += 1;
  return `${prefix}-${Date.now()}-${localCounter}`;
}
