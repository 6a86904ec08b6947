import { useEngineState } from '../../stores/engineState.ts';
import { useT } from '../../i18n/useT.ts';

const SHOWN = 3;

/**
 * Audience comments the producer pinned for the streamer, newest first. Text from viewers is rendered as
 * text only. The slot collapses when nothing is pinned, so the rest of the prompter keeps its place.
 */
export function PinnedSlot() {
  const t = useT();
  const pinned = useEngineState((s) => s.state?.feeds.pinned);
  return (
    <div className="prompter__pinned" data-testid="prompter-pinned" aria-live="polite">
      {(pinned ?? []).slice(0, SHOWN).map((p) => (
        <p key={p.eventId} className="prompter__pinned-item" data-testid="prompter-pinned-item" data-question={p.isQuestion ? 'true' : 'false'}>
          {p.isQuestion && <span className="prompter__pinned-badge">{t('prompter.question')}</span>}
          <span className="prompter__pinned-name">{p.nickname}</span>
          <span className="prompter__pinned-text">{p.text}</span>
        </p>
      ))}
    </div>
  );
}
