import { useId, useReducer, useState } from 'react';
import { IMPORT_COLUMNS, ImportKind, type ImportAction as ChangeAction } from '../../../../shared/members/import.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount } from '../feeds/format.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { canApply, canPreview, importReducer, initialImportState, isBusy, requestAttempt, sortedIssues, type ImportState } from './importFlow.ts';
import { downloadMembersCsv, MEMBERS_EXPORT_PATH, postImport } from './membersApi.ts';
import { TierMoveList } from './TierMoveList.tsx';

const KIND_LABEL = {
  members: 'members.import.kind.members',
  identities: 'members.import.kind.identities',
  community: 'members.import.kind.community',
  orders: 'members.import.kind.orders',
} as const satisfies Record<ImportKind, MessageKey>;

const ACTION_LABEL = {
  create: 'members.import.action.create',
  update: 'members.import.action.update',
  unchanged: 'members.import.action.unchanged',
  move: 'members.import.action.move',
  stale: 'members.import.action.stale',
} as const satisfies Record<ChangeAction, MessageKey>;

/** Changes listed row by row; the engine lists up to 500, the rest are counted. */
const CHANGES_SHOWN = 50;

/**
 * CSV imports that link the community back office and shop exports to the live accounts (数据孤岛): preview first,
 * see every error with its line and column, apply only after a clean preview. Plus the export of every member.
 */
export function ImportPanel({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const [state, dispatch] = useReducer(importReducer<File>, undefined, () => initialImportState<File>());
  const [exportError, setExportError] = useState<unknown>(null);

  const send = async (current: ImportState<File>, mode: 'preview' | 'apply') => {
    if (current.file === null) return;
    const attempt = requestAttempt(current);
    dispatch({ type: mode });
    try {
      const answer = await postImport(current.kind, mode, current.file);
      if (!answer.ok) dispatch({ type: 'rejected', attempt, errors: answer.errors });
      else {
        dispatch({ type: mode === 'preview' ? 'previewed' : 'applied', attempt, outcome: answer.outcome });
        if (answer.outcome.applied) onChanged();
      }
    } catch (error) {
      dispatch({ type: 'failed', attempt, error });
    }
  };

  const exportAll = async () => {
    setExportError(null);
    try {
      await downloadMembersCsv();
    } catch (error) {
      setExportError(error);
    }
  };

  const { phase } = state;
  const outcome = phase.name === 'previewed' || phase.name === 'applied' || phase.name === 'applying' ? phase.outcome : null;
  const columns = IMPORT_COLUMNS[state.kind];

  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="members-import" data-phase={phase.name}>
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.import.heading')}
      </h2>
      <p className="form-help">{t('members.import.help')}</p>

      <div className="members-import__fields">
        <label className="field">
          <span className="field-label">{t('members.import.kind')}</span>
          <select
            data-testid="members-import-kind"
            value={state.kind}
            disabled={isBusy(state)}
            onChange={(e) => {
              const kind = ImportKind.safeParse(e.target.value);
              if (kind.success) dispatch({ type: 'kind', kind: kind.data });
            }}
          >
            {ImportKind.options.map((kind) => (
              <option key={kind} value={kind}>
                {t(KIND_LABEL[kind])}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('members.import.file')}</span>
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="members-import-file"
            disabled={isBusy(state)}
            onChange={(e) => dispatch({ type: 'file', file: e.target.files?.[0] ?? null })}
          />
        </label>
      </div>
      <p className="form-help" data-testid="members-import-columns">
        {t('members.import.columns', { required: columns.required.join(', '), optional: columns.optional.join(', ') || '—' })}
      </p>

      <div className="button-row">
        <button type="button" className="button" data-testid="members-import-preview" disabled={!canPreview(state)} onClick={() => void send(state, 'preview')}>
          {phase.name === 'previewing' ? t('members.import.previewing') : t('members.import.preview')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="members-import-apply"
          disabled={!canApply(state)}
          onClick={() => void send(state, 'apply')}
        >
          {phase.name === 'applying' ? t('members.import.applying') : t('members.import.apply')}
        </button>
        <a
          className="link-button"
          href={MEMBERS_EXPORT_PATH}
          data-testid="members-export"
          onClick={(e) => {
            e.preventDefault();
            void exportAll();
          }}
        >
          {t('members.import.export')}
        </a>
      </div>
      {exportError !== null && <ApiErrorMessage error={exportError} testId="members-export-error" scope="members" />}

      {phase.name === 'failed' && <ApiErrorMessage error={phase.error} testId="members-import-failed" scope="members" />}
      {phase.name === 'invalid' && (
        <div className="form-error" role="alert" data-testid="members-import-errors" data-count={phase.errors.length}>
          <p>{t(phase.during === 'apply' ? 'members.import.errorsApply' : 'members.import.errors', { count: formatCount(phase.errors.length, locale) })}</p>
          <ul>
            {sortedIssues(phase.errors).map((issue, i) => (
              <li key={i} data-testid="members-import-error" data-line={issue.line} data-field={issue.field}>
                <span className="members-import__where">
                  {issue.line > 0 ? t('members.import.line', { line: issue.line }) : t('members.import.wholeFile')}
                  {issue.field !== '' && (
                    <>
                      {' · '}
                      <code>
                        <bdi>{issue.field}</bdi>
                      </code>
                    </>
                  )}
                </span>
                {': '}
                <bdi>{issue.message}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}

      {outcome !== null && (
        <div className="members-import__result" data-testid="members-import-result" data-applied={outcome.applied ? 'true' : 'false'}>
          <p className={outcome.applied ? 'form-success' : 'hint'} role="status">
            {outcome.applied
              ? t('members.import.applied', { rows: formatCount(outcome.rows, locale) })
              : t('members.import.previewed', { rows: formatCount(outcome.rows, locale) })}
          </p>
          <dl className="member-figures">
            {(Object.keys(ACTION_LABEL) as ChangeAction[]).map((action) => (
              <div key={action} className="member-figure" data-figure={action}>
                <dt>{t(ACTION_LABEL[action])}</dt>
                <dd data-testid="members-import-count" data-action={action}>
                  {formatCount(outcome.counts[action] ?? 0, locale)}
                </dd>
              </div>
            ))}
            <div className="member-figure" data-figure="newMembers">
              <dt>{t('members.import.newMembers')}</dt>
              <dd>{formatCount(outcome.newMembers, locale)}</dd>
            </div>
          </dl>
          {outcome.ignoredColumns.length > 0 && (
            <p className="form-help">
              {t('members.import.ignoredColumns')} <bdi>{outcome.ignoredColumns.join(', ')}</bdi>
            </p>
          )}
          <h3 className="members-minor-heading">{t('members.moves.heading')}</h3>
          <TierMoveList moves={outcome.tierMoves} testId="members-import-tier-move" />
          {outcome.changes.length > 0 && (
            <>
              <h3 className="members-minor-heading">{t('members.import.changes')}</h3>
              <ul className="members-import__changes">
                {outcome.changes.slice(0, CHANGES_SHOWN).map((change, i) => (
                  <li key={i} data-testid="members-import-change" data-line={change.line} data-action={change.action}>
                    <span className="members-import__where">{t('members.import.line', { line: change.line })}</span>{' '}
                    <span className={`members-import__action members-import__action--${change.action}`}>{t(ACTION_LABEL[change.action])}</span>{' '}
                    <code>
                      <bdi>{change.key}</bdi>
                    </code>{' '}
                    <bdi className="form-help">{change.detail}</bdi>
                  </li>
                ))}
              </ul>
              {outcome.changes.length + outcome.changesLeftOff > CHANGES_SHOWN && (
                <p className="form-help">
                  {t('members.import.moreChanges', { count: formatCount(outcome.changes.length + outcome.changesLeftOff - CHANGES_SHOWN, locale) })}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
