import { useId, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useCommand } from '../commands/useCommand.ts';
import { reportFailure } from '../commands/reportFailure.ts';
import { useObsLinked } from '../obs/useObsLinked.ts';
import { itemRows, itemsScene, type ItemsTab } from './sceneItems.ts';
import { SceneItemRow } from './SceneItemRow.tsx';
import { usePendingList } from './usePendingList.ts';

const EMPTY: never[] = [];

/**
 * The sources of the scene on screen (program; in studio mode the preview being prepared, with a switch to look
 * at program's). Each can be shown / hidden, and marked as a camera for the camera presets.
 */
export function SceneItemsPanel() {
  const t = useT();
  const headingId = useId();
  const obs = useEngineState((s) => s.state?.obs);
  const sceneItems = useEngineState((s) => s.state?.obsSources.sceneItems);
  const cameraSources = useEngineState((s) => s.state?.obsSetup.cameraSources ?? EMPTY);
  const linked = useObsLinked();
  const { run } = useCommand();
  const [tab, setTab] = useState<ItemsTab>('preview');
  const [pendingItems, setPendingItems] = useState<ReadonlySet<number>>(() => new Set());

  const cameras = usePendingList(cameraSources, async (next) => {
    const result = await run({ type: 'obs.updateSetup', cameraSources: next });
    if (!result.ok) reportFailure('sources.markFailed', result.error);
    return result;
  });

  const shown = obs === undefined ? { tab: 'program' as const, sceneName: null } : itemsScene(obs, tab);
  const items = shown.sceneName === null ? [] : (sceneItems?.[shown.sceneName] ?? []);
  const rows = itemRows(items, cameras.list);

  const toggle = async (sceneName: string, id: number, sourceName: string, enabled: boolean) => {
    setPendingItems((s) => new Set(s).add(id));
    const result = await run({ type: 'obs.setSceneItemEnabled', sceneName, sceneItemId: id, enabled });
    setPendingItems((s) => {
      const next = new Set(s);
      next.delete(id);
      return next;
    });
    if (!result.ok) reportFailure(enabled ? 'sources.showFailed' : 'sources.hideFailed', result.error, { source: sourceName });
  };

  return (
    <section className="panel scene-items" data-testid="scene-items" data-scene-name={shown.sceneName ?? undefined} data-target={shown.tab} aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId} className="panel__heading">
          {t('sources.heading')}
        </h2>
        {obs?.studioMode === true && (
          <div className="segmented" role="group" aria-label={t('sources.whichScene')}>
            {(['preview', 'program'] as const).map((which) => (
              <button
                key={which}
                type="button"
                className={`segmented__option segmented__option--${which}`}
                data-testid="scene-items-target"
                data-target={which}
                aria-pressed={shown.tab === which}
                onClick={() => setTab(which)}
              >
                {which === 'preview' ? t('scenes.preview') : t('scenes.program')}
              </button>
            ))}
          </div>
        )}
      </div>
      {shown.sceneName !== null && <p className="panel__subheading">{shown.sceneName}</p>}
      {rows.length === 0 ? (
        <p className="empty-state empty-state--small" data-testid="scene-items-empty">
          {shown.sceneName === null ? t('sources.emptyNoScene') : t('sources.empty')}
        </p>
      ) : (
        <ul className="scene-item-list">
          {rows.map(({ item, isCamera }) => (
            <SceneItemRow
              key={item.id}
              item={item}
              isCamera={isCamera}
              pending={pendingItems.has(item.id)}
              cameraPending={cameras.isPending(item.sourceName)}
              disabled={!linked}
              onToggle={() => {
                if (shown.sceneName !== null) void toggle(shown.sceneName, item.id, item.sourceName, !item.enabled);
              }}
              onMarkCamera={(mark) => void cameras.set(item.sourceName, mark)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
