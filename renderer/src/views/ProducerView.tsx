import { useEffect, useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { useShowTitle } from '../features/show/useShowTitle.ts';
import { ObsStatus } from '../features/obs/ObsStatus.tsx';
import { ObsControls } from '../features/obs/ObsControls.tsx';
import { SceneList } from '../features/obs/SceneList.tsx';
import { HealthLight } from '../features/health/HealthLight.tsx';
import { HealthPanel } from '../features/health/HealthPanel.tsx';
import { HealthAlarm } from '../features/health/HealthAlarm.tsx';
import { OutputControls } from '../features/outputs/OutputControls.tsx';
import { Monitors } from '../features/thumbnails/Monitors.tsx';
import { SceneItemsPanel } from '../features/sources/SceneItemsPanel.tsx';
import { PresetPanel } from '../features/presets/PresetPanel.tsx';
import { PanicButton } from '../features/panic/PanicButton.tsx';
import { PanicBanner } from '../features/panic/PanicBanner.tsx';
import { MicList } from '../features/mics/MicList.tsx';
import { ShortcutsHelp } from '../features/shortcuts/ShortcutsHelp.tsx';
import { useShortcutsHelp } from '../features/shortcuts/helpStore.ts';
import { RunPanel } from '../features/run/RunPanel.tsx';
import { CommentPanel } from '../features/feeds/CommentPanel.tsx';
import { MetricsPanel } from '../features/feeds/MetricsPanel.tsx';
import { AudienceLight } from '../features/feeds/AudienceLight.tsx';
import { LiveTicker } from '../features/feeds/LiveTicker.tsx';

/**
 * The control room, for a 1366×768 screen and up: the top strip says what is on air and how it is going; the
 * middle is the run of show, preview / program, the health readings, the scenes and their sources; the next
 * column holds what must be reachable at once (BRB, camera presets, microphones); the last one is the
 * audience: live figures and comments. Narrower screens stack the columns.
 */
export function ProducerView() {
  const t = useT();
  const id = useId();
  const title = useShowTitle();
  // The keys themselves are installed at startup (features/shortcuts/producerShortcuts.ts); "?" opens this list.
  const helpOpen = useShortcutsHelp((s) => s.open);
  const setHelpOpen = useShortcutsHelp((s) => s.setOpen);
  useEffect(() => () => setHelpOpen(false), [setHelpOpen]);
  return (
    <main className="view producer">
      <header className="producer__strip">
        <div className="producer__show">
          <span className="eyebrow">{t('show.label')}</span>
          <h1 className="producer__title" data-testid="show-title" title={title}>
            {title}
          </h1>
          <LiveTicker />
        </div>
        <section className="obs-panel" aria-label={t('obs.heading')}>
          <ObsStatus />
          <ObsControls compact />
        </section>
        <HealthLight />
        <AudienceLight />
        <OutputControls />
        <button
          type="button"
          className="icon-button icon-button--help"
          data-testid="shortcuts-help-button"
          aria-keyshortcuts="?"
          aria-label={t('shortcuts.open')}
          title={t('shortcuts.open')}
          onClick={() => setHelpOpen(true)}
        >
          ?
        </button>
      </header>

      <PanicBanner />
      <HealthAlarm />

      <div className="producer__body">
        <div className="producer__main">
          <RunPanel />
          <Monitors />
          <HealthPanel />
          <div className="producer__lower">
            <section className="panel scenes" aria-labelledby={`${id}-scenes`}>
              <div className="panel__header">
                <h2 id={`${id}-scenes`} className="panel__heading">
                  {t('scenes.heading')}
                </h2>
                <span className="hint">{t('scenes.keysHint')}</span>
              </div>
              <SceneList />
            </section>
            <SceneItemsPanel />
          </div>
        </div>
        <aside className="producer__side" aria-label={t('producer.side')}>
          <PanicButton />
          <PresetPanel />
          <MicList />
        </aside>
        <aside className="producer__audience" aria-label={t('producer.audience')}>
          <MetricsPanel />
          {/* Its height comes from the layout (styles.css): the rest of the screen on wide displays. */}
          <CommentPanel compactTools />
        </aside>
      </div>

      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
    </main>
  );
}
