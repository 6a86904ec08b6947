import type { RunSlice } from '../../../../shared/protocol/index.ts';
import { runView } from '../../../../shared/show/run-clock.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineNowFast } from '../../app/useEngineNowFast.ts';
import { formatRemaining, remainingState } from '../run/timeFormat.ts';
import { prompterSale, type SaleModel } from '../run/saleView.ts';
import { freshCue, talkingPointsSize, titleSize } from './prompter.ts';
import { AudienceAlert } from './AudienceAlert.tsx';
import { PinnedSlot } from './PinnedSlot.tsx';

/** The show on air, for the streamer: segment, time left, what to say, the sale, the producer's cue, what comes next. */
export function PrompterLive({ show, slice, showTitle }: { show: Show; slice: RunSlice; showTitle: string }) {
  const t = useT();
  const now = useEngineNowFast();
  const view = runView(show, slice.run, now);
  const segment = view.segmentIndex === null ? undefined : show.segments[view.segmentIndex];
  const next = view.upcomingSegmentIndex === null ? undefined : show.segments[view.upcomingSegmentIndex];
  const state = remainingState(view.remainingMs);
  const cue = freshCue(slice.cues, now);
  const cueHere = cue !== null && cue.segmentId === view.segmentId ? cue : null;
  const sale = prompterSale(slice, now);
  const points = segment?.talkingPoints ?? '';

  return (
    <>
      <header className="prompter__top">
        <div className="prompter__now">
          <p className="prompter__show" data-testid="streamer-title">
            {showTitle}
          </p>
          <h1 className="prompter__segment" data-testid="prompter-segment" data-size={titleSize(segment?.title ?? '')}>
            {segment?.title ?? ''}
          </h1>
        </div>
        <div className={`prompter__clock prompter__clock--${state}`}>
          <span className="prompter__remaining" data-testid="prompter-remaining" data-state={state}>
            {formatRemaining(view.remainingMs)}
          </span>
          {slice.run.status === 'held' ? (
            <span className="prompter__held" data-testid="prompter-held">
              {t('prompter.held')}
            </span>
          ) : (
            state === 'over' && <span className="prompter__over">{t('prompter.over')}</span>
          )}
        </div>
      </header>

      <div className="prompter__body">
        {/* One point a line, each with its marker, so the streamer's eye finds the next one at a glance. */}
        <ul className="prompter__points" data-testid="prompter-talking-points" data-size={talkingPointsSize(points)}>
          {points
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line, i) => (
              <li key={i} className="prompter__point">
                {line}
              </li>
            ))}
        </ul>
        <aside className="prompter__side">
          {sale !== null && <PrompterSale sale={sale} show={show} />}
          {cueHere !== null && (
            <div className="prompter__cue" data-testid="prompter-cue" data-cue-id={cueHere.cueId} role="status">
              {cueHere.message}
            </div>
          )}
          <AudienceAlert />
          <PinnedSlot />
        </aside>
      </div>

      <footer className="prompter__next" data-testid="prompter-next">
        <span className="prompter__next-label">{t('prompter.next')}</span>
        <span className="prompter__next-title">{next === undefined ? t('prompter.lastSegment') : next.title}</span>
      </footer>
    </>
  );
}

function PrompterSale({ sale, show }: { sale: SaleModel; show: Show }) {
  const t = useT();
  const product = show.products.find((p) => p.id === sale.plan.productId);
  const countdown = sale.countdown;
  return (
    <div className={`prompter__sale prompter__sale--${sale.status}`} data-testid="prompter-sale" data-status={sale.status} data-plan-id={sale.plan.id}>
      <p className="prompter__sale-label">{sale.status === 'live' ? t('prompter.saleLive') : sale.status === 'soldout' ? t('prompter.saleSoldOut') : t('prompter.saleSoon')}</p>
      <p className="prompter__sale-product">{product?.name ?? ''}</p>
      <p className="prompter__sale-countdown" data-testid="prompter-sale-countdown" data-phase={countdown?.phase ?? 'none'}>
        {countdown === null ? '' : formatRemaining(countdown.remainingMs)}
      </p>
      <p className="prompter__sale-remaining" data-testid="prompter-sale-remaining" data-remaining={sale.remaining}>
        {t('prompter.saleRemaining', { remaining: sale.remaining, quantity: sale.plan.quantity })}
      </p>
    </div>
  );
}
