import { useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { useShowTitle } from '../features/show/useShowTitle.ts';
import { ObsStatus } from '../features/obs/ObsStatus.tsx';
import { ObsControls } from '../features/obs/ObsControls.tsx';
import { SceneList } from '../features/obs/SceneList.tsx';

export function ProducerView() {
  const t = useT();
  const id = useId();
  const title = useShowTitle();
  return (
    <main className="view producer">
      <header className="producer__header">
        <div className="producer__show">
          <span className="eyebrow">{t('show.label')}</span>
          <h1 className="producer__title" data-testid="show-title">
            {title}
          </h1>
        </div>
        <section className="panel obs-panel" aria-label={t('obs.heading')}>
          <ObsStatus />
          <ObsControls />
        </section>
      </header>
      <section className="panel scenes" aria-labelledby={`${id}-scenes`}>
        <h2 id={`${id}-scenes`} className="panel__heading">
          {t('scenes.heading')}
        </h2>
        <SceneList />
      </section>
    </main>
  );
}
