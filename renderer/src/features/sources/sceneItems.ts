import type { ObsSceneItem, ObsState } from '../../../../shared/protocol/index.ts';

export type ItemsTab = 'preview' | 'program';

/**
 * Whose sources the panel lists: the program scene, or in studio mode the preview scene being prepared (with a
 * switch to look at program's).
 */
export function itemsScene(obs: Pick<ObsState, 'studioMode' | 'programScene' | 'previewScene'>, tab: ItemsTab): { tab: ItemsTab; sceneName: string | null } {
  if (!obs.studioMode || tab === 'program') return { tab: 'program', sceneName: obs.programScene };
  return { tab: 'preview', sceneName: obs.previewScene };
}

export interface ItemRow {
  item: ObsSceneItem;
  isCamera: boolean;
}

/** Cameras first (they are what the producer toggles most), otherwise OBS's own order. */
export function itemRows(items: readonly ObsSceneItem[], cameraSources: readonly string[]): ItemRow[] {
  const cameras = new Set(cameraSources);
  const rows = items.map((item) => ({ item, isCamera: cameras.has(item.sourceName) }));
  return [...rows.filter((r) => r.isCamera), ...rows.filter((r) => !r.isCamera)];
}

/** `list` with `name` added (at the end, once) or removed. */
export function withMember(list: readonly string[], name: string, include: boolean): string[] {
  const without = list.filter((n) => n !== name);
  return include ? [...without, name] : without;
}

/** A list as it will be once the pending changes (name → wanted membership) land. */
export function withOverrides(list: readonly string[], overrides: ReadonlyMap<string, boolean>): string[] {
  let next = [...list];
  for (const [name, include] of overrides) next = include === next.includes(name) ? next : withMember(next, name, include);
  return next;
}
