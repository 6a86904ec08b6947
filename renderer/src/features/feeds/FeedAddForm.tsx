import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Platform } from '../../../../shared/feeds/events.ts';
import { RelayProtocol } from '../../../../shared/feeds/feed-config.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useT } from '../../i18n/useT.ts';
import { useCommand } from '../commands/useCommand.ts';
import { commandErrorText } from '../commands/commandErrorText.ts';
import { addFormIssues, buildAddCommand, type FeedDraft, type FeedField, type FieldIssue } from './feedRows.ts';
import './feeds.css';

const EMPTY_DRAFT: FeedDraft = { id: '', label: '', url: '', platform: 'douyin', protocol: 'cuedeck', uniqueId: '' };

const FIELD_LABEL = {
  id: 'feeds.field.id',
  label: 'feeds.field.label',
  url: 'feeds.field.url',
  platform: 'feeds.field.platform',
  protocol: 'feeds.field.protocol',
  uniqueId: 'feeds.field.uniqueId',
} as const satisfies Record<FeedField, MessageKey>;

interface Outcome {
  ok: boolean;
  /** When refused: the problems, tied to fields where the engine named one, and the engine's summary. */
  issues: FieldIssue[];
  summary: string;
  label: string;
}

/** Adds a relay connection; the engine validates it and the form shows each problem next to the field it names. */
export function FeedAddForm() {
  const t = useT();
  const id = useId();
  const { pending, run } = useCommand();
  const [draft, setDraft] = useState<FeedDraft>(EMPTY_DRAFT);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const edit = <K extends keyof FeedDraft>(key: K, value: FeedDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setOutcome(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run(buildAddCommand(draft));
    if (result.ok) {
      setOutcome({ ok: true, issues: [], summary: '', label: draft.label.trim() });
      setDraft(EMPTY_DRAFT);
    } else {
      const issues = addFormIssues(result.error, draft);
      const listed = result.error.issues !== undefined && result.error.issues.length > 0;
      // Without validation issues the message says it all, unless it can be tied to a field.
      const shown = listed ? issues : issues.filter((i) => i.field !== null);
      const summary = shown.length > 0 && !listed ? t(`error.code.${result.error.code}`) : commandErrorText(t, result.error, { withoutIssues: true });
      setOutcome({ ok: false, issues: shown, summary, label: '' });
    }
  };

  const issuesFor = (field: FeedField) => (outcome?.ok === false ? outcome.issues.filter((i) => i.field === field) : []);
  const errorId = `${id}-error`;

  const field = (name: FeedField, control: (props: { id: string; invalid: boolean; describedBy: string | undefined }) => ReactNode, help?: MessageKey) => {
    const problems = issuesFor(name);
    const invalid = problems.length > 0;
    const helpId = help === undefined ? undefined : `${id}-${name}-help`;
    return (
      <div className={`field${invalid ? ' field--invalid' : ''}`}>
        <label className="field-label" htmlFor={`${id}-${name}`}>
          {t(FIELD_LABEL[name])}
        </label>
        {control({ id: `${id}-${name}`, invalid, describedBy: [helpId, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined })}
        {help !== undefined && (
          <p id={helpId} className="field-help">
            {t(help)}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="form feed-add" data-testid="feed-add-form" noValidate onSubmit={(e) => void submit(e)}>
      <div className="feed-add__grid">
        {field(
          'id',
          (p) => (
            <input
              id={p.id}
              type="text"
              data-testid="feed-add-id"
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              aria-invalid={p.invalid}
              aria-describedby={p.describedBy}
              value={draft.id}
              onChange={(e) => edit('id', e.target.value)}
            />
          ),
          'feeds.field.idHelp',
        )}
        {field('label', (p) => (
          <input
            id={p.id}
            type="text"
            data-testid="feed-add-label"
            autoComplete="off"
            maxLength={100}
            aria-invalid={p.invalid}
            aria-describedby={p.describedBy}
            value={draft.label}
            onChange={(e) => edit('label', e.target.value)}
          />
        ))}
        {field(
          'url',
          (p) => (
            <input
              id={p.id}
              type="text"
              inputMode="url"
              data-testid="feed-add-url"
              autoComplete="off"
              spellCheck={false}
              maxLength={500}
              placeholder="ws://127.0.0.1:8081"
              aria-invalid={p.invalid}
              aria-describedby={p.describedBy}
              value={draft.url}
              onChange={(e) => edit('url', e.target.value)}
            />
          ),
          'feeds.field.urlHelp',
        )}
        {field('platform', (p) => (
          <select
            id={p.id}
            data-testid="feed-add-platform"
            aria-invalid={p.invalid}
            aria-describedby={p.describedBy}
            value={draft.platform}
            onChange={(e) => edit('platform', Platform.parse(e.target.value))}
          >
            {Platform.options.map((platform) => (
              <option key={platform} value={platform}>
                {t(`feeds.platform.${platform}`)}
              </option>
            ))}
          </select>
        ))}
        {field('protocol', (p) => (
          <select
            id={p.id}
            data-testid="feed-add-protocol"
            aria-invalid={p.invalid}
            aria-describedby={p.describedBy}
            value={draft.protocol}
            onChange={(e) => edit('protocol', RelayProtocol.parse(e.target.value))}
          >
            {RelayProtocol.options.map((protocol) => (
              <option key={protocol} value={protocol}>
                {t(`feeds.protocol.${protocol}`)}
              </option>
            ))}
          </select>
        ))}
        {draft.protocol === 'tiktok' &&
          field(
            'uniqueId',
            (p) => (
              <input
                id={p.id}
                type="text"
                data-testid="feed-add-unique-id"
                autoComplete="off"
                spellCheck={false}
                maxLength={101}
                placeholder="@"
                aria-invalid={p.invalid}
                aria-describedby={p.describedBy}
                value={draft.uniqueId}
                onChange={(e) => edit('uniqueId', e.target.value)}
              />
            ),
            'feeds.field.uniqueIdHelp',
          )}
      </div>

      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="feed-add-submit" disabled={pending}>
          {pending ? t('feeds.add.submitting') : t('feeds.add.submit')}
        </button>
      </div>

      {outcome?.ok === false && (
        <div id={errorId} className="form-error" role="alert" data-testid="feed-add-error">
          <p>{t('error.withDetail', { what: t('feeds.add.failed'), detail: outcome.summary })}</p>
          {outcome.issues.length > 0 && (
          <ul>
            {outcome.issues.map((issue, i) => (
              <li key={i} data-testid="feed-add-issue" data-field={issue.field ?? undefined}>
                {issue.field === null ? issue.message : t('feeds.add.issue', { field: t(FIELD_LABEL[issue.field]), message: issue.message })}
              </li>
            ))}
          </ul>
          )}
        </div>
      )}
      {outcome?.ok === true && (
        <p className="form-success" role="status" data-testid="feed-add-success">
          {t('feeds.add.added', { label: outcome.label })}
        </p>
      )}
    </form>
  );
}
