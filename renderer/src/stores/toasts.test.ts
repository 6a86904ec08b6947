import { describe, expect, it } from 'vitest';
import { addToast, removeToast, type Toast } from './toasts.ts';

const toast = (id: string): Toast => ({ id, level: 'info', content: { kind: 'notice', code: 'obs.connected', params: {} } });

describe('toasts', () => {
  it('adds in order and drops the oldest beyond the limit', () => {
    let list: Toast[] = [];
    for (const id of ['a', 'b', 'c', 'd']) list = addToast(list, toast(id), 3);
    expect(list.map((t) => t.id)).toEqual(['b', 'c', 'd']);
  });

  it('shows a repeated id once', () => {
    const list = addToast(addToast([], toast('a')), toast('a'));
    expect(list).toHaveLength(1);
  });

  it('removes by id', () => {
    expect(removeToast([toast('a'), toast('b')], 'a').map((t) => t.id)).toEqual(['b']);
  });
});
