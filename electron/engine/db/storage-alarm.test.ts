import { describe, expect, it } from 'vitest';
import type { WriteChange, WriteFailing } from './write-behind.ts';
import { StorageAlarm } from './storage-alarm.ts';

const locked = (held: number): WriteChange => ({ type: 'failing', reason: 'locked', detail: 'database is locked', since: 1_000, held, dropped: 0 });
const full: WriteChange = { type: 'failing', reason: 'full', detail: 'database or disk is full', since: 1_000, held: 3, dropped: 0 };
const recovered: WriteChange = { type: 'recovered', written: 5, dropped: 0, failedMs: 1_500 };

function alarm() {
  const shown: (WriteFailing | null)[] = [];
  const toasts: WriteChange[] = [];
  const a = new StorageAlarm({ show: (f) => shown.push(f), recovered: (c) => toasts.push(c) });
  return { a, shown, toasts };
}

describe('StorageAlarm', () => {
  it('shows a lock at once and announces its end', () => {
    const { a, shown, toasts } = alarm();
    a.changed(locked(2));
    a.changed(locked(4));
    a.changed(recovered);
    expect(shown).toEqual([expect.objectContaining({ reason: 'locked', held: 2 }), expect.objectContaining({ held: 4 }), null]);
    expect(toasts).toEqual([recovered]);
  });

  it('says nothing about a lock that ends while the engine’s own worker holds it', () => {
    const { a, shown, toasts } = alarm();
    const done = a.ownLock();
    a.changed(locked(2));
    a.changed(recovered);
    done();
    expect(shown).toEqual([]);
    expect(toasts).toEqual([]);
  });

  it('shows a lock that outlasts the worker, and any other failure at once', () => {
    const { a, shown } = alarm();
    const done = a.ownLock();
    a.changed(locked(2));
    expect(shown).toEqual([]);
    done();
    done(); // a second call changes nothing
    expect(shown).toEqual([expect.objectContaining({ reason: 'locked', held: 2 })]);

    const other = alarm();
    other.a.ownLock();
    other.a.changed(full);
    expect(other.shown).toEqual([expect.objectContaining({ reason: 'full' })]);
  });
});
