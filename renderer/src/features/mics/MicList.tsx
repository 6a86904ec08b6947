import { useId, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { Link } from '../../app/Link.tsx';
import { ROUTE_PATHS } from '../../app/router.ts';
import { useCommand } from '../commands/useCommand.ts';
import { reportFailure } from '../commands/reportFailure.ts';
import { useObsLinked } from '../obs/useObsLinked.ts';
import { micRows } from './mics.ts';

const NONE: never[] = [];

function MicIcon({ muted }: { muted: boolean }) {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <rect x="7" y="2" width="6" height="10" rx="3" fill="currentColor" />
      <path d="M4.5 9.5a5.5 5.5 0 0 0 11 0M10 15v3" stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinecap="round" />
      {muted && <path d="M3 3l14 14" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />}
    </svg>
  );
}

/** The microphones marked in Settings, each a mute toggle; muted is unmistakable (red, crossed out, "MUTED"). */
export function MicList() {
  const t = useT();
  const headingId = useId();
  const marked = useEngineState((s) => s.state?.obsSetup.microphoneInputs ?? NONE);
  const inputs = useEngineState((s) => s.state?.obsSources.inputs ?? NONE);
  const linked = useObsLinked();
  const obsConnected = useEngineState((s) => s.state?.obs.status.phase === 'connected');
  const { run } = useCommand();
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const rows = micRows(marked, inputs);

  const setMute = async (inputName: string, muted: boolean) => {
    setPending((s) => new Set(s).add(inputName));
    const result = await run({ type: 'obs.setInputMute', inputName, muted });
    setPending((s) => {
      const next = new Set(s);
      next.delete(inputName);
      return next;
    });
    if (!result.ok) reportFailure(muted ? 'mics.muteFailed' : 'mics.unmuteFailed', result.error, { mic: inputName });
  };

  return (
    <section className="panel mics" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__heading">
        {t('mics.heading')}
      </h2>
      {rows.length === 0 ? (
        <p className="empty-state empty-state--small" data-testid="mic-list-empty">
          {t('mics.empty')}{' '}
          <Link to={ROUTE_PATHS.settings} className="inline-link">
            {t('obs.openSettings')}
          </Link>
        </p>
      ) : (
        <ul className="mic-list" data-testid="mic-list">
          {rows.map(({ name, muted }) => {
            // While OBS is away nothing is known about the mics; "not in OBS" would be a false alarm.
            const unknown = !obsConnected;
            const missing = muted === null;
            const state = unknown ? 'unknown' : missing ? 'missing' : muted ? 'muted' : 'live';
            return (
              <li key={name}>
                <button
                  type="button"
                  className={`mic mic--${state}`}
                  data-testid="mic-toggle"
                  data-input-name={name}
                  data-muted={missing ? undefined : String(muted)}
                  aria-pressed={missing ? undefined : muted}
                  aria-busy={pending.has(name)}
                  disabled={!linked || missing || pending.has(name)}
                  title={unknown ? t('mics.offline') : missing ? t('mics.missing') : muted ? t('mics.unmute', { mic: name }) : t('mics.mute', { mic: name })}
                  onClick={() => {
                    if (!missing) void setMute(name, !muted);
                  }}
                >
                  <MicIcon muted={muted !== false} />
                  <span className="mic__name">{name}</span>
                  <span className="mic__state">
                    {unknown ? t('mics.offline') : missing ? t('mics.missingShort') : muted ? t('mics.muted') : t('mics.live')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
