import { canRedo, canUndo } from '../../../../shared/show/editor.ts';
import { useT } from '../../i18n/useT.ts';
import { commandErrorText } from '../commands/commandErrorText.ts';
import { saveStateOf, type DraftState } from './draft.ts';
import { useEditor } from './editorStore.ts';
import type { FieldErrors } from './fieldErrors.ts';
import { problemText } from './problemText.ts';

/** Undo / redo and whether the script on screen is the one the engine has. */
export function EditorToolbar({ draft, errors }: { draft: DraftState; errors: FieldErrors }) {
  const t = useT();
  const { undo, redo, retry, saveError } = useEditor();
  const state = saveStateOf(draft, errors.count, saveError !== null);
  const label = {
    saved: t('editor.save.saved'),
    saving: t('editor.save.saving'),
    invalid: t('editor.save.invalid', { count: errors.count }),
    error: t('editor.save.error'),
    unsaved: t('editor.save.unsaved'),
  }[state];
  const detail =
    saveError === null ? null : saveError.kind === 'tooLarge' ? t('editor.save.tooLarge', { kb: saveError.kb }) : commandErrorText(t, saveError.error);

  return (
    <div className="editor-toolbar">
      <div className="button-row" role="toolbar" aria-label={t('editor.history.label')}>
        <button
          type="button"
          className="button"
          data-testid="editor-undo"
          disabled={!canUndo(draft.history)}
          aria-keyshortcuts="Control+Z"
          title={t('editor.history.undoKeys')}
          onClick={undo}
        >
          {t('editor.history.undo')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="editor-redo"
          disabled={!canRedo(draft.history)}
          aria-keyshortcuts="Control+Shift+Z"
          title={t('editor.history.redoKeys')}
          onClick={redo}
        >
          {t('editor.history.redo')}
        </button>
      </div>
      <div className={`save-status save-status--${state}`} role="status" data-testid="editor-save-status" data-state={state}>
        <span className="status-dot" aria-hidden="true" />
        {label}
      </div>
      {state === 'error' && (
        <div className="form-error editor-toolbar__error" role="alert" data-testid="editor-save-error">
          <p>{detail}</p>
          {saveError?.kind === 'command' && (
            <button type="button" className="button button--small" data-testid="editor-retry" onClick={retry}>
              {t('editor.save.retry')}
            </button>
          )}
        </div>
      )}
      {errors.general.length > 0 && (
        <p className="field-error" role="alert" data-testid="editor-general-errors">
          {errors.general.map((p) => problemText(t, p, 'count')).join(' · ')}
        </p>
      )}
    </div>
  );
}
