import { randomUUID } from 'node:crypto';
import type { Notice } from '../../../shared/protocol/index.ts';

type NoticeListener = (notice: Notice) => void;

/** One-off messages for whoever is watching (toasts); not part of the state, so late joiners don't get old ones. */
export class NoticeBus {
  readonly #listeners = new Set<NoticeListener>();

  publish(level: Notice['level'], code: string, params: Notice['params'] = {}): Notice {
    const notice: Notice = { id: randomUUID(), at: Date.now(), level, code, params };
    for (const listener of this.#listeners) listener(notice);
    return notice;
  }

  subscribe(listener: NoticeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
