import { describe, expect, it } from 'vitest';
import type { Show } from '../../../../shared/show/schema.ts';
import { updateShow } from '../../../../shared/show/editor.ts';
import {
  checkShow,
  createDraft,
  edit,
  matchesEngine,
  planSave,
  receiveEngineShow,
  redoEdit,
  sameJson,
  saveAnswered,
  saveStarted,
  saveStateOf,
  undoEdit,
} from './draft.ts';

const show = (title: string): Show => ({
  id: 'show',
  title,
  platforms: [],
  plannedStart: null,
  segments: [],
  products: [],
  bannedWords: null,
});

describe('sameJson', () => {
  it('compares structure, not identity or key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson({ a: undefined }, {})).toBe(true);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});

describe('checkShow', () => {
  it('normalises a valid show and reports the issues of an invalid one', () => {
    const checked = checkShow(show('  Spring live  '));
    expect(checked.ok && checked.show.title).toBe('Spring live');
    const bad = checkShow(show(''));
    expect(bad.ok).toBe(false);
  });
});

describe('draft', () => {
  it('saves a valid edit and nothing when the working copy matches the engine', () => {
    let d = createDraft(show('A'));
    expect(planSave(d)).toEqual({ kind: 'unchanged' });
    d = edit(d, updateShow(d.history.present, { title: 'B ' }), 'title');
    expect(planSave(d)).toEqual({ kind: 'save', show: show('B') });
  });

  it('does not save an invalid working copy', () => {
    const d = edit(createDraft(show('A')), show(''), 'title');
    expect(planSave(d).kind).toBe('invalid');
  });

  it('keeps the producer’s typing when the engine echoes an older save', () => {
    let d = createDraft(show('A'));
    d = edit(d, show('AB'), 'title');
    d = saveStarted(d, show('AB'));
    d = edit(d, show('AB '), 'title'); // a trailing space: same show once normalised
    d = edit(d, show(''), 'title'); // cleared: invalid, not sent
    d = saveAnswered(d);
    d = receiveEngineShow(d, show('AB'));
    expect(d.history.present).toEqual(show(''));
    expect(d.engine).toEqual(show('AB'));
  });

  it('takes a change made elsewhere as an undoable step', () => {
    let d = createDraft(show('A'));
    d = receiveEngineShow(d, show('Imported'));
    expect(d.history.present).toEqual(show('Imported'));
    d = undoEdit(d);
    expect(d.history.present).toEqual(show('A'));
    expect(planSave(d)).toEqual({ kind: 'save', show: show('A') });
    d = redoEdit(d);
    expect(d.history.present).toEqual(show('Imported'));
  });

  it('waits while a save of ours is on its way: it will win on the engine', () => {
    let d = createDraft(show('A'));
    d = edit(d, show('Mine'));
    d = saveStarted(d, show('Mine'));
    d = receiveEngineShow(d, show('Theirs'));
    expect(d.history.present).toEqual(show('Mine'));
    d = receiveEngineShow(d, show('Mine'));
    d = saveAnswered(d);
    expect(matchesEngine(d)).toBe(true);
  });

  it('ignores the same engine show twice', () => {
    const d = createDraft(show('A'));
    expect(receiveEngineShow(d, d.engine)).toBe(d);
  });

  it('does not push an undo step for an edit that changes nothing', () => {
    const d = createDraft(show('A'));
    expect(edit(d, d.history.present)).toBe(d);
    expect(undoEdit(d)).toBe(d);
    expect(redoEdit(d)).toBe(d);
  });
});

describe('saveStateOf', () => {
  it('tells problems first, then a save on its way, a failure, or whether the engine has it', () => {
    const d = createDraft(show('A'));
    expect(saveStateOf(d, 0, false)).toBe('saved');
    expect(saveStateOf(d, 2, false)).toBe('invalid');
    const edited = edit(d, show('B'));
    expect(saveStateOf(edited, 0, false)).toBe('unsaved');
    expect(saveStateOf(edited, 0, true)).toBe('error');
    expect(saveStateOf(saveStarted(edited, show('B')), 0, true)).toBe('saving');
  });
});
