import { useLanguage } from '../i18n/store.ts';
import { useT } from '../i18n/useT.ts';
import { useEngineState } from '../stores/engineState.ts';
import { formatClockTime, formatCount } from '../features/feeds/format.ts';

/**
 * While the engine cannot write to its database (locked by another program, disk full): what is wrong, that the
 * show goes on, and how much is waiting in memory. Gone by itself once writes succeed (a toast then says so).
 */
export function StorageBanner() {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  const failing = useEngineState((s) => s.state?.storage.failing ?? null);
  if (failing === null) return null;
  return (
    <div className="storage-banner" role="alert" data-testid="storage-failing" data-reason={failing.reason} data-held={failing.held} data-dropped={failing.dropped}>
      <p className="storage-banner__what">{t(`storage.failing.${failing.reason}`)}</p>
      <p>{t('storage.failing.held', { count: formatCount(failing.held, locale) })}</p>
      {failing.dropped > 0 && <p className="storage-banner__dropped">{t('storage.failing.dropped', { count: formatCount(failing.dropped, locale) })}</p>}
      <p className="storage-banner__detail">{t('storage.failing.since', { time: formatClockTime(failing.since), detail: failing.detail })}</p>
    </div>
  );
}
