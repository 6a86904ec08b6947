import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../../shared/members/import.ts';
import { canApply, canPreview, importReducer, initialImportState, isBusy, requestAttempt, sortedIssues, type ImportAction, type ImportState } from './importFlow.ts';

type File = { name: string };
const outcome = (kind: ImportOutcome['kind'], applied = false): ImportOutcome => ({
  kind,
  mode: applied ? 'apply' : 'preview',
  applied,
  rows: 2,
  ignoredColumns: [],
  counts: { create: 2, update: 0, unchanged: 0, move: 0, stale: 0 },
  newMembers: 2,
  tierMoves: [],
  changes: [],
  changesLeftOff: 0,
});

const run = (actions: ImportAction<File>[], start: ImportState<File> = initialImportState<File>()) => actions.reduce(importReducer<File>, start);
const withFile = () => run([{ type: 'file', file: { name: 'a.csv' } }]);

describe('import flow', () => {
  it('starts empty: nothing to preview or apply', () => {
    const s = initialImportState<File>();
    expect(s.phase.name).toBe('empty');
    expect(canPreview(s)).toBe(false);
    expect(canApply(s)).toBe(false);
  });

  it('applies only after a clean preview', () => {
    let s = withFile();
    expect(canPreview(s)).toBe(true);
    expect(canApply(s)).toBe(false);
    const attempt = requestAttempt(s);
    s = importReducer(s, { type: 'preview' });
    expect(s.attempt).toBe(attempt);
    expect(isBusy(s)).toBe(true);
    expect(canPreview(s)).toBe(false);
    expect(canApply(s)).toBe(false);
    s = importReducer(s, { type: 'previewed', attempt: s.attempt, outcome: outcome('members') });
    expect(s.phase.name).toBe('previewed');
    expect(canApply(s)).toBe(true);
    s = importReducer(s, { type: 'apply' });
    expect(s.phase.name).toBe('applying');
    expect(canApply(s)).toBe(false);
    s = importReducer(s, { type: 'applied', attempt: s.attempt, outcome: outcome('members', true) });
    expect(s.phase.name).toBe('applied');
    expect(canApply(s)).toBe(false); // not twice
    expect(canPreview(s)).toBe(true);
  });

  it('lists errors and does not allow apply after them', () => {
    let s = run([{ type: 'preview' }], withFile());
    s = importReducer(s, { type: 'rejected', attempt: s.attempt, errors: [{ line: 3, field: 'platform', message: 'unknown' }] });
    expect(s.phase).toEqual({ name: 'invalid', errors: [{ line: 3, field: 'platform', message: 'unknown' }], during: 'preview' });
    expect(canApply(s)).toBe(false);
    expect(importReducer(s, { type: 'apply' })).toBe(s);
  });

  it('a new file or kind needs a new preview', () => {
    let s = run([{ type: 'preview' }], withFile());
    s = importReducer(s, { type: 'previewed', attempt: s.attempt, outcome: outcome('members') });
    const kindChanged = importReducer(s, { type: 'kind', kind: 'orders' });
    expect(kindChanged.phase.name).toBe('ready');
    expect(canApply(kindChanged)).toBe(false);
    const fileChanged = importReducer(s, { type: 'file', file: { name: 'b.csv' } });
    expect(fileChanged.phase.name).toBe('ready');
    expect(canApply(fileChanged)).toBe(false);
    expect(importReducer(s, { type: 'file', file: null }).phase.name).toBe('empty');
    expect(importReducer(s, { type: 'kind', kind: 'members' })).toBe(s);
  });

  it('drops answers for an earlier attempt', () => {
    let s = run([{ type: 'preview' }], withFile());
    const stale = s.attempt;
    s = importReducer(s, { type: 'file', file: { name: 'b.csv' } });
    s = importReducer(s, { type: 'preview' });
    expect(importReducer(s, { type: 'previewed', attempt: stale, outcome: outcome('members') })).toBe(s);
    expect(importReducer(s, { type: 'failed', attempt: stale, error: new Error('x') })).toBe(s);
  });

  it('a failed apply keeps the previewed outcome but needs a new preview', () => {
    let s = run([{ type: 'preview' }], withFile());
    s = importReducer(s, { type: 'previewed', attempt: s.attempt, outcome: outcome('members') });
    s = importReducer(s, { type: 'apply' });
    s = importReducer(s, { type: 'failed', attempt: s.attempt, error: new Error('offline') });
    expect(s.phase).toMatchObject({ name: 'failed', during: 'apply', outcome: { kind: 'members' } });
    expect(canApply(s)).toBe(false);
    expect(canPreview(s)).toBe(true);
  });

  it('errors found while applying are listed as such', () => {
    let s = run([{ type: 'preview' }], withFile());
    s = importReducer(s, { type: 'previewed', attempt: s.attempt, outcome: outcome('members') });
    s = importReducer(s, { type: 'apply' });
    s = importReducer(s, { type: 'rejected', attempt: s.attempt, errors: [] });
    expect(s.phase).toMatchObject({ name: 'invalid', during: 'apply' });
  });

  it('ignores preview and apply when they do not apply', () => {
    const empty = initialImportState<File>();
    expect(importReducer(empty, { type: 'preview' })).toBe(empty);
    const busy = run([{ type: 'preview' }], withFile());
    expect(importReducer(busy, { type: 'preview' })).toBe(busy);
    expect(importReducer(busy, { type: 'apply' })).toBe(busy);
  });

  it('sorts errors by line, file-wide first', () => {
    const sorted = sortedIssues([
      { line: 4, field: 'a', message: 'x' },
      { line: 0, field: '', message: 'file' },
      { line: 2, field: 'b', message: 'y' },
    ]);
    expect(sorted.map((i) => i.line)).toEqual([0, 2, 4]);
  });
});
