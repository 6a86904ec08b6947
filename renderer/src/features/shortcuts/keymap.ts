import type { CommandInput } from '../../../../shared/protocol/index.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { MessageParams } from '../../i18n/translate.ts';

/** The parts of a KeyboardEvent the mapping reads (a plain object in tests). */
export interface KeyPress {
  code: string;
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
  isComposing?: boolean;
}

/**
 * Where the keyboard focus is: 'typing' in a text field or list (keys belong to it), 'control' on a button or
 * checkbox reached with the keyboard (Enter / Space activate it), 'other' anywhere else.
 */
export type FocusKind = 'typing' | 'control' | 'other';

export interface ShortcutContext {
  studioMode: boolean;
  /** A transition is running: Take waits for it (the Take button is off meanwhile too). */
  transitionRunning?: boolean;
  dialogOpen: boolean;
  focus: FocusKind;
}

export type ShortcutAction = { kind: 'command'; command: CommandInput } | { kind: 'help' };

/** 1..9 from the digit row (and, without Shift, the keypad), by physical key so Shift works on every layout. */
function digitOf(code: string, allowNumpad: boolean): number | null {
  const match = /^(Digit|Numpad)([1-9])$/.exec(code);
  if (match === null || (match[1] === 'Numpad' && !allowNumpad)) return null;
  return Number(match[2]);
}

/**
 * The producer view's keys: 1–9 scene (preview in studio mode), Shift+1–9 camera preset, Enter / Space Take
 * (studio mode), B panic, Shift+B undo it, ? this list. Nothing while typing, while a dialog is open, or with
 * Ctrl / Alt / Cmd held (those belong to the browser and the system). Held-down keys do not repeat a command.
 */
export function shortcutFor(e: KeyPress, ctx: ShortcutContext): ShortcutAction | null {
  if (ctx.dialogOpen || ctx.focus === 'typing' || e.isComposing === true) return null;
  if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return null;

  if (e.key === '?') return { kind: 'help' };

  const digit = digitOf(e.code, !e.shiftKey);
  if (digit !== null) {
    return e.shiftKey
      ? { kind: 'command', command: { type: 'obs.applyCameraPresetNumber', number: digit } }
      : { kind: 'command', command: { type: 'obs.selectSceneNumber', number: digit } };
  }

  if (e.key === 'b' || e.key === 'B') {
    return { kind: 'command', command: { type: e.shiftKey ? 'obs.panicUndo' : 'obs.panic' } };
  }

  const takeKey = e.code === 'Enter' || e.code === 'NumpadEnter' || e.code === 'Space';
  if (takeKey && !e.shiftKey && ctx.studioMode && ctx.transitionRunning !== true && ctx.focus !== 'control') {
    return { kind: 'command', command: { type: 'obs.take' } };
  }
  return null;
}

/** The minimum of an element the focus classification needs (an HTMLElement, or a stub in tests). */
export interface FocusTarget {
  tagName: string;
  isContentEditable?: boolean;
  type?: string;
  getAttribute?: (name: string) => string | null;
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'color', 'file', 'range']);

export function isTypingTarget(target: FocusTarget | null): boolean {
  if (target === null) return false;
  if (target.isContentEditable === true) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
  return false;
}

function isControl(target: FocusTarget): boolean {
  const tag = target.tagName.toUpperCase();
  if (tag === 'BUTTON' || tag === 'A' || tag === 'INPUT' || tag === 'SUMMARY') return true;
  const role = target.getAttribute?.('role');
  return role === 'button' || role === 'checkbox' || role === 'switch' || role === 'tab';
}

/**
 * Classifies the focused element. A control focused by a mouse click counts as 'other': a producer who clicked a
 * scene and then presses Space means Take, not "click that scene again"; one who tabbed to it means the button.
 */
export function focusKind(target: FocusTarget | null, focusedByPointer: boolean): FocusKind {
  if (target === null) return 'other';
  if (isTypingTarget(target)) return 'typing';
  if (isControl(target) && !focusedByPointer) return 'control';
  return 'other';
}

/** What to say when a shortcut's command is refused: the same words as the button it stands for. */
export function shortcutFailure(command: CommandInput): { key: MessageKey; params: MessageParams } {
  switch (command.type) {
    case 'obs.selectSceneNumber':
      return { key: 'shortcuts.sceneFailed', params: { number: command.number } };
    case 'obs.applyCameraPresetNumber':
      return { key: 'shortcuts.presetFailed', params: { number: command.number } };
    case 'obs.take':
      return { key: 'studio.takeFailed', params: {} };
    case 'obs.panic':
      return { key: 'panic.failed', params: {} };
    case 'obs.panicUndo':
      return { key: 'panic.undoFailed', params: {} };
    default:
      return { key: 'shortcuts.failed', params: {} };
  }
}
