import type { CommandError, Notice } from '../../../shared/protocol/index.ts';
import type { ShellNotice } from '../../../shared/shell-bridge.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { MessageParams } from '../i18n/translate.ts';

export type ToastLevel = Notice['level'];

/** What a toast says, kept untranslated so it follows a language switch. */
export type ToastContent =
  | { kind: 'notice'; code: string; params: MessageParams }
  /** Something only the desktop shell knows (engine crashed, restarting…). */
  | { kind: 'shell'; notice: ShellNotice }
  /** A command the user started failed: `action` says what, `error` why. */
  | { kind: 'commandFailed'; action: MessageKey; params: MessageParams; error: CommandError };

export interface Toast {
  id: string;
  level: ToastLevel;
  content: ToastContent;
}

export const MAX_TOASTS = 5;
/** Info toasts go away by themselves; warnings and errors stay until dismissed. */
export const INFO_TOAST_MS = 6_000;

/** Adds a toast (a repeated id, e.g. a notice replayed after reconnect, is shown once); oldest drop off first. */
export function addToast(toasts: readonly Toast[], toast: Toast, max = MAX_TOASTS): Toast[] {
  if (toasts.some((t) => t.id === toast.id)) return [...toasts];
  return [...toasts, toast].slice(-max);
}

export function removeToast(toasts: readonly Toast[], id: string): Toast[] {
  return toasts.filter((t) => t.id !== id);
}
