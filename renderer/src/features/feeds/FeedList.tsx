import { useMemo } from 'react';
import type { FeedConfig } from '../../../../shared/feeds/feed-config.ts';
import type { FeedDiagnostics } from '../../../../shared/feeds/diagnostics.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { useConnection } from '../../stores/connection.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { feedRows, type FeedRowView } from './feedRows.ts';
import { formatClockTime, formatCount } from './format.ts';
import './feeds.css';

const NO_CONFIGS: readonly FeedConfig[] = [];
const NO_DIAGNOSTICS: readonly FeedDiagnostics[] = [];

function FeedRow({ row }: { row: FeedRowView }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  const engineUp = useConnection((s) => s.status === 'connected');
  const { pending, run } = useReportedCommand();

  return (
    <li className={`feed feed--${row.phase}`} data-testid="feed-row" data-feed-id={row.id} data-phase={row.phase}>
      <div className="feed__head">
        <span className={`feed-status feed-status--${row.phase}`} data-testid="feed-status" data-phase={row.phase}>
          <span className="status-dot" aria-hidden="true" />
          {t(`feeds.phase.${row.phase}`)}
        </span>
        <bdi className="feed__label">{row.label}</bdi>
        <span className={`platform-badge platform-badge--${row.platform}`}>{t(`feeds.platform.${row.platform}`)}</span>
        <span className="feed__protocol">{t(`feeds.protocol.${row.protocol}`)}</span>
        {row.builtIn && <span className="feed__builtin">{t('feeds.builtIn')}</span>}
        {row.removable && (
          <button
            type="button"
            className="button feed__remove"
            data-testid="feed-remove"
            disabled={!engineUp || pending}
            aria-label={t('feeds.removeLabel', { label: row.label })}
            onClick={() => void run({ type: 'feeds.remove', id: row.id }, 'feeds.removeFailed', { label: row.label })}
          >
            {t('feeds.remove')}
          </button>
        )}
      </div>

      <p className="feed__meta">
        <span className="feed__id">{t('feeds.idValue', { id: row.id })}</span>
        <span className="feed__url">{row.url}</span>
        {row.uniqueId !== null && <span>{t('feeds.uniqueIdValue', { uniqueId: row.uniqueId })}</span>}
      </p>

      {row.reason !== null && (
        <p className="feed__reason" data-testid="feed-reason" data-reason={row.reason}>
          {t(`feeds.reason.${row.reason}`)}
          {row.detail !== null && <span className="feed__detail">{row.detail}</span>}
        </p>
      )}
      {row.attempt !== null && row.attempt > 0 && <p className="feed__meta">{t('feeds.retry', { attempt: row.attempt })}</p>}

      <div className="feed__counts">
        <span data-testid="feed-accepted" data-count={row.accepted}>
          {t('feeds.accepted', { count: formatCount(row.accepted, locale) })}
        </span>
        <span className={`feed__rejected${row.rejectedTotal > 0 ? ' feed__rejected--some' : ''}`} data-testid="feed-rejected" data-count={row.rejectedTotal}>
          {t('feeds.rejectedTotal', { count: formatCount(row.rejectedTotal, locale) })}
          {row.rejected.length > 0 && (
            <ul className="feed__reasons">
              {row.rejected.map((r) => (
                <li key={r.reason} data-testid="feed-rejected-reason" data-reason={r.reason} data-count={r.count}>
                  {t('feeds.rejectedReason', { reason: t(`feeds.reject.${r.reason}`), count: formatCount(r.count, locale) })}
                </li>
              ))}
            </ul>
          )}
        </span>
        {row.lastEventAt !== null && <span>{t('feeds.lastEvent', { time: formatClockTime(row.lastEventAt) })}</span>}
      </div>

      {row.lastError !== null && (
        <p className="feed__error" data-testid="feed-last-error">
          {t('feeds.lastError', { time: formatClockTime(row.lastError.at), message: row.lastError.message })}
        </p>
      )}
    </li>
  );
}

/** The relay connections with their diagnostics: status, what was accepted and what was refused, and why. */
export function FeedList() {
  const t = useT();
  const configs = useEngineState((s) => s.state?.feeds.configs ?? NO_CONFIGS);
  const diagnostics = useEngineState((s) => s.state?.feeds.diagnostics ?? NO_DIAGNOSTICS);
  const rows = useMemo(() => feedRows(configs, diagnostics), [configs, diagnostics]);

  if (rows.length === 0) {
    return (
      <p className="empty-state" data-testid="feed-list-empty">
        {t('feeds.empty')}
      </p>
    );
  }
  return (
    <ul className="feed-list" data-testid="feed-list">
      {rows.map((row) => (
        <FeedRow key={row.id} row={row} />
      ))}
    </ul>
  );
}
