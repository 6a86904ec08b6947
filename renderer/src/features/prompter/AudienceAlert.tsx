import { useEngineState } from '../../stores/engineState.ts';
import { useT } from '../../i18n/useT.ts';

/**
 * A red audience light, on the streamer's screen too when the producer chose so: viewers falling fast or
 * comments drying up is something the streamer can act on at once (change the pitch, start a game).
 */
export function AudienceAlert() {
  const t = useT();
  const feeds = useEngineState((s) => s.state?.feeds);
  if (!feeds?.streamerAlerts) return null;
  const { viewers, comments } = feeds.metrics.lights;
  if (viewers !== 'red' && comments !== 'red') return null;
  return (
    <p className="prompter__alert" role="alert" data-testid="prompter-alert" data-metric={viewers === 'red' ? 'viewers' : 'comments'}>
      {viewers === 'red' ? t('prompter.alertViewers') : t('prompter.alertComments')}
    </p>
  );
}
