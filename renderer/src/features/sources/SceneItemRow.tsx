import type { ObsSceneItem } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';

interface SceneItemRowProps {
  item: ObsSceneItem;
  isCamera: boolean;
  pending: boolean;
  cameraPending: boolean;
  disabled: boolean;
  onToggle: () => void;
  onMarkCamera: (isCamera: boolean) => void;
}

function CameraIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M2.5 6.5a2 2 0 0 1 2-2h7a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-7a2 2 0 0 1-2-2z" fill="currentColor" />
      <path d="M14.5 8.5l3.5-2.2v7.4l-3.5-2.2z" fill="currentColor" />
    </svg>
  );
}

/** One source in the scene: a visibility toggle (state as OBS reports it) and the "this is a camera" mark. */
export function SceneItemRow({ item, isCamera, pending, cameraPending, disabled, onToggle, onMarkCamera }: SceneItemRowProps) {
  const t = useT();
  const kind = item.isGroup ? t('sources.group') : item.inputKind === null ? t('sources.nestedScene') : null;
  return (
    <li className={`scene-item${isCamera ? ' scene-item--camera' : ''}`} data-testid="scene-item" data-source-name={item.sourceName}>
      <button
        type="button"
        className={`scene-item__toggle${item.enabled ? ' scene-item__toggle--on' : ''}`}
        data-testid="scene-item-toggle"
        data-source-name={item.sourceName}
        aria-pressed={item.enabled}
        aria-busy={pending}
        disabled={disabled || pending}
        title={item.enabled ? t('sources.hide', { source: item.sourceName }) : t('sources.show', { source: item.sourceName })}
        onClick={onToggle}
      >
        <span className="scene-item__eye" aria-hidden="true" />
        {isCamera && (
          <span className="scene-item__camera" title={t('sources.camera')}>
            <CameraIcon />
            <span className="visually-hidden">{t('sources.camera')}</span>
          </span>
        )}
        <span className="scene-item__name">{item.sourceName}</span>
        {kind !== null && <span className="scene-item__kind">{kind}</span>}
        <span className="scene-item__state">{item.enabled ? t('sources.visible') : t('sources.hidden')}</span>
      </button>
      <label className="checkbox scene-item__mark" title={t('sources.markCameraHint')}>
        <input
          type="checkbox"
          data-testid="camera-mark"
          data-source-name={item.sourceName}
          checked={isCamera}
          aria-busy={cameraPending}
          onChange={(e) => onMarkCamera(e.target.checked)}
        />
        <span>{t('sources.markCamera')}</span>
      </label>
    </li>
  );
}
