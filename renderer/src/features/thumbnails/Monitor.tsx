import type { ThumbnailTarget } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineNow } from '../../app/useEngineNow.ts';
import { useThumbnails } from '../../stores/thumbnails.ts';
import { monitorPicture } from './thumbnailView.ts';

interface MonitorProps {
  target: ThumbnailTarget;
  sceneName: string | null;
  obsConnected: boolean;
}

/** A program or preview picture with its scene's name; a labelled placeholder until a picture arrives. */
export function Monitor({ target, sceneName, obsConnected }: MonitorProps) {
  const t = useT();
  const thumbnail = useThumbnails((s) => s[target]);
  const now = useEngineNow();
  const picture = monitorPicture(thumbnail, sceneName, obsConnected, now);
  const label = target === 'program' ? t('monitor.program') : t('monitor.preview');
  return (
    <figure className={`monitor monitor--${target}`} data-testid={`${target}-monitor`} data-scene-name={sceneName ?? undefined}>
      <figcaption className="monitor__caption">
        <span className={`monitor__tag monitor__tag--${target}`}>{label}</span>
        <span className="monitor__scene" data-testid={`${target}-scene-name`}>
          {sceneName ?? '—'}
        </span>
        {picture.kind === 'image' && picture.stale && <span className="monitor__stale">{t('monitor.stale')}</span>}
      </figcaption>
      <div className="monitor__screen">
        {picture.kind === 'image' ? (
          <img
            className={`monitor__image${picture.stale ? ' monitor__image--stale' : ''}`}
            data-testid={`${target}-thumbnail`}
            data-scene-name={picture.sceneName}
            src={picture.src}
            alt={t('monitor.alt', { what: label, scene: picture.sceneName })}
          />
        ) : (
          <div className="monitor__placeholder" data-testid={`${target}-placeholder`} data-reason={picture.reason}>
            {sceneName !== null && picture.reason === 'waiting' && <span className="monitor__placeholder-scene">{sceneName}</span>}
            <span className="monitor__placeholder-text">{t(`monitor.placeholder.${picture.reason}`)}</span>
          </div>
        )}
      </div>
    </figure>
  );
}
