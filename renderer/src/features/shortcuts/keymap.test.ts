import { describe, expect, it } from 'vitest';
import { focusKind, isTypingTarget, shortcutFailure, shortcutFor, type KeyPress, type ShortcutContext } from './keymap.ts';

const press = (code: string, key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  code,
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  repeat: false,
  ...extra,
});
const ctx: ShortcutContext = { studioMode: false, dialogOpen: false, focus: 'other' };
const studio: ShortcutContext = { ...ctx, studioMode: true };
const command = (action: ReturnType<typeof shortcutFor>) => (action?.kind === 'command' ? action.command : action);

describe('shortcutFor', () => {
  it('maps 1–9 to scenes, from the digit row and the keypad', () => {
    expect(command(shortcutFor(press('Digit1', '1'), ctx))).toEqual({ type: 'obs.selectSceneNumber', number: 1 });
    expect(command(shortcutFor(press('Digit9', '9'), ctx))).toEqual({ type: 'obs.selectSceneNumber', number: 9 });
    expect(command(shortcutFor(press('Numpad3', '3'), ctx))).toEqual({ type: 'obs.selectSceneNumber', number: 3 });
    expect(shortcutFor(press('Digit0', '0'), ctx)).toBeNull();
  });

  it('maps Shift+1–9 to camera presets by physical key, whatever character the layout gives', () => {
    expect(command(shortcutFor(press('Digit2', '@', { shiftKey: true }), ctx))).toEqual({ type: 'obs.applyCameraPresetNumber', number: 2 });
    // AZERTY: Shift+Digit1 types "1".
    expect(command(shortcutFor(press('Digit1', '1', { shiftKey: true }), ctx))).toEqual({ type: 'obs.applyCameraPresetNumber', number: 1 });
    // AZERTY without Shift types "&" on the same key: still scene 1.
    expect(command(shortcutFor(press('Digit1', '&'), ctx))).toEqual({ type: 'obs.selectSceneNumber', number: 1 });
  });

  it('maps B to panic and Shift+B to undo', () => {
    expect(command(shortcutFor(press('KeyB', 'b'), ctx))).toEqual({ type: 'obs.panic' });
    expect(command(shortcutFor(press('KeyB', 'B', { shiftKey: true }), ctx))).toEqual({ type: 'obs.panicUndo' });
  });

  it('takes with Enter or Space in studio mode only', () => {
    expect(command(shortcutFor(press('Enter', 'Enter'), studio))).toEqual({ type: 'obs.take' });
    expect(command(shortcutFor(press('Space', ' '), studio))).toEqual({ type: 'obs.take' });
    expect(command(shortcutFor(press('NumpadEnter', 'Enter'), studio))).toEqual({ type: 'obs.take' });
    expect(shortcutFor(press('Enter', 'Enter'), ctx)).toBeNull();
    expect(shortcutFor(press('Space', ' '), ctx)).toBeNull();
  });

  it('does not take again while a transition runs', () => {
    expect(shortcutFor(press('Enter', 'Enter'), { ...studio, transitionRunning: true })).toBeNull();
  });

  it('leaves Enter and Space to a button or checkbox reached with the keyboard', () => {
    expect(shortcutFor(press('Space', ' '), { ...studio, focus: 'control' })).toBeNull();
    expect(command(shortcutFor(press('KeyB', 'b'), { ...studio, focus: 'control' }))).toEqual({ type: 'obs.panic' });
  });

  it('toggles the help with ?', () => {
    expect(shortcutFor(press('Slash', '?', { shiftKey: true }), ctx)).toEqual({ kind: 'help' });
  });

  it('does nothing while typing, with a dialog open, with system modifiers, or on key repeat', () => {
    expect(shortcutFor(press('Digit1', '1'), { ...ctx, focus: 'typing' })).toBeNull();
    expect(shortcutFor(press('KeyB', 'b'), { ...ctx, dialogOpen: true })).toBeNull();
    expect(shortcutFor(press('Slash', '?', { shiftKey: true }), { ...ctx, dialogOpen: true })).toBeNull();
    expect(shortcutFor(press('Digit1', '1', { ctrlKey: true }), ctx)).toBeNull();
    expect(shortcutFor(press('Digit1', '1', { metaKey: true }), ctx)).toBeNull();
    expect(shortcutFor(press('KeyB', 'b', { altKey: true }), ctx)).toBeNull();
    expect(shortcutFor(press('KeyB', 'b', { repeat: true }), ctx)).toBeNull();
    expect(shortcutFor(press('KeyB', 'Process', { isComposing: true }), ctx)).toBeNull();
  });

  it('ignores other keys', () => {
    expect(shortcutFor(press('KeyA', 'a'), studio)).toBeNull();
    expect(shortcutFor(press('Escape', 'Escape'), studio)).toBeNull();
  });
});

describe('focus classification', () => {
  const el = (tagName: string, extra: { type?: string; role?: string; isContentEditable?: boolean } = {}) => ({
    tagName,
    type: extra.type,
    isContentEditable: extra.isContentEditable,
    getAttribute: (name: string) => (name === 'role' ? (extra.role ?? null) : null),
  });

  it('treats text fields, number fields, lists and editable text as typing', () => {
    expect(isTypingTarget(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'number' }))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('counts a control as keyboard-focused only when the keyboard put the focus there', () => {
    expect(focusKind(el('BUTTON'), false)).toBe('control');
    expect(focusKind(el('BUTTON'), true)).toBe('other');
    expect(focusKind(el('INPUT', { type: 'checkbox' }), false)).toBe('control');
    expect(focusKind(el('DIV', { role: 'button' }), false)).toBe('control');
    expect(focusKind(el('INPUT', { type: 'text' }), true)).toBe('typing');
    expect(focusKind(el('BODY'), false)).toBe('other');
    expect(focusKind(null, false)).toBe('other');
  });
});

describe('shortcutFailure', () => {
  it('names what did not happen', () => {
    expect(shortcutFailure({ type: 'obs.selectSceneNumber', number: 7 })).toEqual({ key: 'shortcuts.sceneFailed', params: { number: 7 } });
    expect(shortcutFailure({ type: 'obs.applyCameraPresetNumber', number: 2 })).toEqual({ key: 'shortcuts.presetFailed', params: { number: 2 } });
    expect(shortcutFailure({ type: 'obs.panic' }).key).toBe('panic.failed');
    expect(shortcutFailure({ type: 'obs.panicUndo' }).key).toBe('panic.undoFailed');
    expect(shortcutFailure({ type: 'obs.take' }).key).toBe('studio.takeFailed');
  });
});
