import { useRef, useState, type ChangeEvent } from 'react';
import type { CommandError } from '../../../../shared/protocol/index.ts';
import { exportShowCsv, exportShowJson } from '../../../../shared/show/import-export.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';
import { useCommand } from '../commands/useCommand.ts';
import { useEditorContext } from './EditorContext.ts';
import { exportFileName } from './editorInput.ts';
import { byteLength, MAX_SAVE_BYTES } from './editorStore.ts';
import { parseImportIssue } from './importErrors.ts';

type Format = 'json' | 'csv';

type Outcome =
  | { kind: 'imported'; file: string }
  | { kind: 'failed'; file: string; issues: string[] }
  | { kind: 'error'; error: CommandError }
  | { kind: 'tooLarge'; file: string; kb: number };

function download(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Files in and out. An import is checked by the engine: all or nothing, with every problem listed by line. The
 * export is the script as the engine has it (JSON: everything; CSV: the rundown, for spreadsheets).
 */
export function ImportExport({ saved }: { saved: Show }) {
  const t = useT();
  const { onAir } = useEditorContext();
  const { pending, run } = useCommand();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const jsonInput = useRef<HTMLInputElement>(null);
  const csvInput = useRef<HTMLInputElement>(null);

  const importFile = async (format: Format, e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire again
    if (file === undefined) return;
    const text = await file.text();
    const command = { type: 'show.import', format, text } as const;
    const bytes = byteLength(JSON.stringify(command));
    if (bytes > MAX_SAVE_BYTES) {
      setOutcome({ kind: 'tooLarge', file: file.name, kb: Math.ceil(bytes / 1024) });
      return;
    }
    setOutcome(null);
    const result = await run(command);
    if (result.ok) setOutcome({ kind: 'imported', file: file.name });
    else if (result.error.code === 'import_failed') setOutcome({ kind: 'failed', file: file.name, issues: result.error.issues ?? [] });
    else setOutcome({ kind: 'error', error: result.error });
  };

  const locked = pending || onAir;
  return (
    <div className="import-export">
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid="import-json"
          disabled={locked}
          title={onAir ? t('editor.onAirLocked') : undefined}
          onClick={() => jsonInput.current?.click()}
        >
          {t('editor.import.json')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="import-csv"
          disabled={locked}
          title={onAir ? t('editor.onAirLocked') : undefined}
          onClick={() => csvInput.current?.click()}
        >
          {t('editor.import.csv')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="export-json"
          onClick={() => download(exportShowJson(saved), 'application/json', exportFileName(saved.title, 'json'))}
        >
          {t('editor.export.json')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="export-csv"
          onClick={() => download(exportShowCsv(saved), 'text/csv;charset=utf-8', exportFileName(saved.title, 'csv'))}
        >
          {t('editor.export.csv')}
        </button>
      </div>
      <input
        ref={jsonInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-json-file"
        onChange={(e) => void importFile('json', e)}
      />
      <input ref={csvInput} type="file" accept=".csv,text/csv" hidden data-testid="import-csv-file" onChange={(e) => void importFile('csv', e)} />
      <p className="field-hint">{t('editor.import.hint')}</p>
      {pending && (
        <p className="field-hint" role="status">
          {t('editor.import.reading')}
        </p>
      )}
      <ImportOutcome outcome={outcome} />
    </div>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome | null }) {
  const t = useT();
  if (outcome === null) return null;
  switch (outcome.kind) {
    case 'imported':
      return (
        <p className="form-success" role="status" data-testid="import-done">
          {t('editor.import.done', { file: outcome.file })}
        </p>
      );
    case 'tooLarge':
      return (
        <div className="form-error" role="alert" data-testid="import-errors">
          <p>{t('editor.import.tooLarge', { file: outcome.file, kb: outcome.kb })}</p>
        </div>
      );
    case 'error':
      return <CommandErrorMessage action="editor.import.failed" error={outcome.error} testId="import-errors" />;
    case 'failed':
      return (
        <div className="form-error import-errors" role="alert" data-testid="import-errors" data-count={outcome.issues.length}>
          <p>{t('editor.import.problems', { file: outcome.file, count: outcome.issues.length })}</p>
          <ol>
            {outcome.issues.map((text, i) => {
              const issue = parseImportIssue(text);
              const where =
                issue.line === null
                  ? issue.field
                  : issue.column === null
                    ? t('editor.import.line', { line: issue.line })
                    : t('editor.import.lineColumn', { line: issue.line, column: issue.column });
              return (
                <li key={i} data-testid="import-error" data-line={issue.line ?? undefined}>
                  {where !== '' && <strong className="import-error__where">{where}</strong>}
                  {where !== '' && ' · '}
                  {issue.line !== null && issue.field !== '' && (
                    <>
                      <code className="import-error__field">{issue.field}</code>
                      {': '}
                    </>
                  )}
                  <span className="import-error__message">{issue.message}</span>
                </li>
              );
            })}
          </ol>
        </div>
      );
  }
}
