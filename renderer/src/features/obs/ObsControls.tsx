import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useConnection } from '../../stores/connection.ts';
import { useCommand } from '../commands/useCommand.ts';
import { reportFailure } from '../commands/reportFailure.ts';
import { obsActions } from './obsStatusView.ts';

/** With `compact` (the producer's top strip) only the buttons that can do something right now are shown. */
export function ObsControls({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const status = useEngineState((s) => s.state?.obs.status);
  const engineUp = useConnection((s) => s.status === 'connected');
  const { pending, run } = useCommand();
  const [sent, setSent] = useState<'connect' | 'disconnect' | null>(null);
  const actions = status === undefined ? { canConnect: false, canDisconnect: false } : obsActions(status);
  const show = (which: 'connect' | 'disconnect', can: boolean) => !compact || can || (pending && sent === which);

  const connect = async () => {
    setSent('connect');
    const result = await run({ type: 'obs.connect' });
    if (!result.ok) reportFailure('obs.connectFailed', result.error);
  };
  const disconnect = async () => {
    setSent('disconnect');
    const result = await run({ type: 'obs.disconnect' });
    if (!result.ok) reportFailure('obs.disconnectFailed', result.error);
  };

  return (
    <div className="button-row">
      {show('connect', actions.canConnect) && (
        <button
          type="button"
          className="button button--primary"
          data-testid="obs-connect"
          disabled={!engineUp || pending || !actions.canConnect}
          onClick={() => void connect()}
        >
          {t('obs.connect')}
        </button>
      )}
      {show('disconnect', actions.canDisconnect) && (
        <button
          type="button"
          className="button"
          data-testid="obs-disconnect"
          disabled={!engineUp || pending || !actions.canDisconnect}
          onClick={() => void disconnect()}
        >
          {t('obs.disconnect')}
        </button>
      )}
    </div>
  );
}
