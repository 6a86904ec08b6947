import { useId, useState } from 'react';
import type { FeedBackResult } from '../../../../shared/members/feedback.ts';
import type { CommandError, SessionSummary } from '../../../../shared/protocol/index.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';
import { useCommand } from '../commands/useCommand.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { FeedBackFigures } from './FeedBackFigures.tsx';
import { formatWhen, isolate } from './format.ts';
import { fetchFeedBackPreview, fetchSessions } from './membersApi.ts';
import { useResource as useLoad } from '../../app/useResource.ts';

/** Sessions offered, newest first. */
const SESSIONS_SHOWN = 20;

/** Why a session cannot be fed back, or null when it can. */
function blockedReason(session: SessionSummary): 'rehearsal' | 'running' | null {
  if (session.kind === 'rehearsal') return 'rehearsal';
  if (session.endedAt === null) return 'running';
  return null;
}

type Step =
  | { name: 'idle' }
  | { name: 'dryRunning' }
  | { name: 'dryRun'; result: FeedBackResult }
  | { name: 'applying'; result: FeedBackResult }
  | { name: 'applied'; result: FeedBackResult; now: FeedBackResult | null };

/**
 * 数据回流: adds an ended broadcast's outcomes (watch time, comments, orders) to the member records, once. A dry run
 * shows what would change; only then Apply. Rehearsals are listed but cannot be chosen: they never write members.
 */
export function FeedBackPanel({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const [sessions, reloadSessions] = useLoad('sessions', fetchSessions);
  const [selected, setSelected] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [loadError, setLoadError] = useState<unknown>(null);
  const [commandError, setCommandError] = useState<CommandError | null>(null);
  const { pending, run } = useCommand();

  const choose = (sessionId: string | null) => {
    setSelected(sessionId);
    setStep({ name: 'idle' });
    setLoadError(null);
    setCommandError(null);
  };

  const dryRun = async () => {
    if (selected === null) return;
    const sessionId = selected;
    setStep({ name: 'dryRunning' });
    setLoadError(null);
    setCommandError(null);
    try {
      const result = await fetchFeedBackPreview(sessionId);
      setStep((s) => (s.name === 'dryRunning' ? { name: 'dryRun', result } : s));
    } catch (error) {
      setLoadError(error);
      setStep({ name: 'idle' });
    }
  };

  const apply = async () => {
    if (selected === null || (step.name !== 'dryRun' && step.name !== 'applied')) return;
    const sessionId = selected;
    const shown = step.result;
    setStep({ name: 'applying', result: shown });
    setCommandError(null);
    setLoadError(null);
    const result = await run({ type: 'members.feedBack', sessionId, dryRun: false });
    if (!result.ok) {
      setCommandError(result.error);
      setStep({ name: 'dryRun', result: shown });
      return;
    }
    onChanged();
    // Ask again: the engine now answers that the session was fed back (and when).
    const now = await fetchFeedBackPreview(sessionId).catch(() => null);
    setStep({ name: 'applied', result: shown, now });
  };

  const list = sessions.status === 'ready' ? sessions.data.slice(0, SESSIONS_SHOWN) : [];
  const chosen = list.find((s) => s.id === selected) ?? null;
  const chosenOk = chosen !== null && blockedReason(chosen) === null;
  const busy = step.name === 'dryRunning' || step.name === 'applying' || pending;
  const shown = step.name === 'dryRun' || step.name === 'applying' || step.name === 'applied' ? step.result : null;
  const alreadyAt = step.name === 'applied' ? (step.now?.alreadyAppliedAt ?? null) : (shown?.alreadyAppliedAt ?? null);

  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="members-feedback">
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.feedback.heading')}
      </h2>
      <p className="form-help">{t('members.feedback.help')}</p>

      {sessions.status === 'error' && <ApiErrorMessage error={sessions.error} testId="feedback-sessions-error" scope="members" />}
      {sessions.status === 'loading' && <p className="form-help">{t('members.loading')}</p>}
      {sessions.status === 'ready' && list.length === 0 && (
        <p className="empty-state empty-state--small" data-testid="feedback-no-sessions">
          {t('members.feedback.noSessions')}
        </p>
      )}
      {list.length > 0 && (
        <label className="field">
          <span className="field-label">{t('members.feedback.session')}</span>
          <select data-testid="feedback-session-select" value={selected ?? ''} disabled={busy} onChange={(e) => choose(e.target.value === '' ? null : e.target.value)}>
            <option value="">{t('members.feedback.choose')}</option>
            {list.map((session) => {
              const blocked = blockedReason(session);
              const label = t('members.feedback.option', { title: isolate(session.title), when: formatWhen(session.startedAt, locale) });
              return (
                <option
                  key={session.id}
                  value={session.id}
                  disabled={blocked !== null}
                  data-testid="feedback-session"
                  data-session-id={session.id}
                  data-kind={session.kind}
                  data-ended={session.endedAt === null ? 'false' : 'true'}
                >
                  {blocked === null ? label : t(blocked === 'rehearsal' ? 'members.feedback.optionRehearsal' : 'members.feedback.optionRunning', { label })}
                </option>
              );
            })}
          </select>
        </label>
      )}
      {list.some((s) => s.kind === 'rehearsal') && (
        <p className="form-help" data-testid="feedback-rehearsal-note">
          {t('members.feedback.rehearsalNote')}
        </p>
      )}

      <div className="button-row">
        <button type="button" className="button" data-testid="feedback-dry-run" disabled={!chosenOk || busy} onClick={() => void dryRun()}>
          {step.name === 'dryRunning' ? t('members.feedback.dryRunning') : t('members.feedback.dryRun')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="feedback-apply"
          disabled={!chosenOk || busy || shown === null}
          onClick={() => void apply()}
        >
          {step.name === 'applying' ? t('members.feedback.applying') : t('members.feedback.apply')}
        </button>
        <button type="button" className="button" data-testid="feedback-sessions-reload" disabled={busy} onClick={reloadSessions}>
          {t('members.reload')}
        </button>
      </div>

      {loadError !== null && <ApiErrorMessage error={loadError} testId="feedback-error" scope="members" />}
      {commandError !== null && <CommandErrorMessage action="members.feedback.failed" error={commandError} testId="feedback-error" />}

      {step.name === 'applied' && (
        <p className="form-success" role="status" data-testid="feedback-applied">
          {t('members.feedback.applied')}
        </p>
      )}
      {alreadyAt !== null && (
        <p className="hint hint--warning" role="status" data-testid="feedback-already-applied">
          {t('members.feedback.alreadyApplied', { when: formatWhen(alreadyAt, locale) })}
        </p>
      )}
      {shown !== null && shown.alreadyAppliedAt === null && <FeedBackFigures result={shown} applied={step.name === 'applied'} />}
    </section>
  );
}
