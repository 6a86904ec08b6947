import { useState } from 'react';
import type { RunSlice } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { formatLongClock } from './timeFormat.ts';

/** After the engine restarted mid-show: it resumed the run from the recorded instants, and was away this long. */
export function RecoveredBanner({ slice }: { slice: RunSlice }) {
  const t = useT();
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const { recovered } = slice;
  const live = slice.run.status === 'running' || slice.run.status === 'held';
  if (recovered === null || !live || dismissedAt === recovered.at) return null;
  const gap =
    recovered.gapMs < 1_000
      ? t('run.recovered.underSecond')
      : recovered.gapMs < 60_000
        ? t('run.recovered.seconds', { n: Math.round(recovered.gapMs / 1_000) })
        : formatLongClock(recovered.gapMs);
  return (
    <div className="run-recovered" role="alert" data-testid="run-recovered" data-gap-ms={recovered.gapMs}>
      <p>{t('run.recovered.body', { gap })}</p>
      <button type="button" className="button button--small" data-testid="run-recovered-dismiss" onClick={() => setDismissedAt(recovered.at)}>
        {t('run.recovered.dismiss')}
      </button>
    </div>
  );
}
