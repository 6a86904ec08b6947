import { useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { CommentPanel } from '../features/feeds/CommentPanel.tsx';
import { MetricsPanel } from '../features/feeds/MetricsPanel.tsx';
import { FeedList } from '../features/feeds/FeedList.tsx';
import { FeedAddForm } from '../features/feeds/FeedAddForm.tsx';
import { SimulatorControls } from '../features/feeds/SimulatorControls.tsx';

/** Live feeds on their own: relay connections and their diagnostics, the simulator, comments and live figures. */
export function FeedsView() {
  const t = useT();
  const id = useId();
  return (
    <main className="view feeds-view">
      <h1 className="view__heading">{t('feeds.heading')}</h1>

      <div className="feeds-view__live">
        <CommentPanel className="feeds-view__comments" />
        <MetricsPanel className="feeds-view__metrics" />
      </div>

      <div className="feeds-view__setup">
        <section className="panel" aria-labelledby={`${id}-connections`} data-testid="feed-diagnostics">
          <h2 id={`${id}-connections`} className="panel__heading">
            {t('feeds.connections.heading')}
          </h2>
          <FeedList />
        </section>

        <div className="feeds-view__side">
          <section className="panel" aria-labelledby={`${id}-simulator`}>
            <h2 id={`${id}-simulator`} className="panel__heading">
              {t('feeds.simulator.heading')}
            </h2>
            <SimulatorControls />
          </section>

          <section className="panel" aria-labelledby={`${id}-add`}>
            <h2 id={`${id}-add`} className="panel__heading">
              {t('feeds.add.heading')}
            </h2>
            <FeedAddForm />
          </section>
        </div>
      </div>
    </main>
  );
}
