import { useState } from 'react';
import type { CommandResult } from '../../../../shared/protocol/index.ts';
import { withOverrides } from './sceneItems.ts';

/**
 * A list kept by the engine (camera sources, microphones) edited with checkboxes. A tick shows at once and stays
 * until the engine answers (its new list arrives just before the answer); a refused change springs back.
 */
export function usePendingList(
  saved: readonly string[],
  save: (next: string[]) => Promise<CommandResult>,
): { list: string[]; set: (name: string, include: boolean) => Promise<void>; isPending: (name: string) => boolean } {
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const list = withOverrides(saved, overrides);

  const set = async (name: string, include: boolean) => {
    const next = new Map(overrides).set(name, include);
    setOverrides(next);
    await save(withOverrides(saved, next));
    setOverrides((current) => {
      if (current.get(name) !== include) return current;
      const rest = new Map(current);
      rest.delete(name);
      return rest;
    });
  };

  return { list, set, isPending: (name) => overrides.has(name) };
}
