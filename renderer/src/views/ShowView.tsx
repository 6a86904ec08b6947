import { useEffect, useId, useMemo } from 'react';
import { updateShow } from '../../../shared/show/editor.ts';
import { useT } from '../i18n/useT.ts';
import { useEngineState } from '../stores/engineState.ts';
import { useModals } from '../stores/modals.ts';
import { EditorContext, type EditorContextValue } from '../features/editor/EditorContext.ts';
import { useEditor } from '../features/editor/editorStore.ts';
import { checkShow } from '../features/editor/draft.ts';
import { fieldErrors, fieldKey, NO_FIELD_ERRORS } from '../features/editor/fieldErrors.ts';
import { matcherFor } from '../features/editor/highlight.ts';
import { EditorToolbar } from '../features/editor/EditorToolbar.tsx';
import { SegmentList } from '../features/editor/SegmentList.tsx';
import { SegmentForm } from '../features/editor/SegmentForm.tsx';
import { ProductTable } from '../features/editor/ProductTable.tsx';
import { Templates } from '../features/editor/Templates.tsx';
import { ImportExport } from '../features/editor/ImportExport.tsx';
import { ComplianceSummary } from '../features/editor/ComplianceSummary.tsx';
import { Totals } from '../features/editor/Totals.tsx';
import { FieldErrorList } from '../features/editor/FieldErrorList.tsx';
import { ComplianceNote } from '../features/editor/Highlighted.tsx';
import '../features/editor/editor.css';

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere on the editor page, except while a dialog is open. */
function useUndoKeys(undo: () => void, redo: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.isComposing || useModals.getState().open > 0) return;
      const key = e.key.toLowerCase();
      if (key === 'z') {
        e.preventDefault();
        if (e.shiftKey) redo();
        else undo();
      } else if (key === 'y' && !e.shiftKey) {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
}

/** The show script (直播脚本): rundown, segment details, products, flash sales, cues; saved to the engine as it is edited. */
export function ShowView() {
  const t = useT();
  const id = useId();
  const engineShow = useEngineState((s) => s.state?.script.show);
  const defaults = useEngineState((s) => s.state?.script.defaultBannedWords);
  const runStatus = useEngineState((s) => s.state?.run.run.status);
  const runSegmentId = useEngineState((s) => s.state?.run.run.segmentId ?? null);
  const { draft, selectedId, receive, change, undo, redo, select } = useEditor();

  useEffect(() => {
    if (engineShow !== undefined) receive(engineShow);
  }, [engineShow, receive]);
  useUndoKeys(undo, redo);

  const present = draft?.history.present;
  const errors = useMemo(() => {
    if (present === undefined) return NO_FIELD_ERRORS;
    const checked = checkShow(present);
    return checked.ok ? NO_FIELD_ERRORS : fieldErrors(present, checked.issues);
  }, [present]);
  const bannedWords = present?.bannedWords ?? null;
  const matcher = useMemo(() => matcherFor({ bannedWords }, defaults ?? []), [bannedWords, defaults]);
  const onAir = runStatus === 'running' || runStatus === 'held';

  const context = useMemo<EditorContextValue | null>(
    () =>
      present === undefined ? null : { show: present, errors, matcher, change, onAir, onAirSegmentId: onAir ? runSegmentId : null },
    [present, errors, matcher, change, onAir, runSegmentId],
  );

  if (draft === null || context === null || present === undefined) {
    return (
      <main className="view show-editor">
        <h1 className="view__heading">{t('editor.heading')}</h1>
        <p className="empty-state" data-testid="editor-loading">
          {t('editor.loading')}
        </p>
      </main>
    );
  }

  const selected = present.segments.find((s) => s.id === selectedId) ?? present.segments[0];

  return (
    <EditorContext.Provider value={context}>
      <main className="view view--wide show-editor" data-testid="show-editor">
        <header className="editor-header">
          <div className="field editor-header__title">
            <label className="eyebrow" htmlFor={`${id}-title`}>
              {t('editor.showTitle')}
            </label>
            <input
              id={`${id}-title`}
              type="text"
              className="editor-header__input"
              autoComplete="off"
              data-testid="editor-show-title"
              value={present.title}
              onChange={(e) => change((s) => updateShow(s, { title: e.target.value }), fieldKey.show('title'))}
            />
            <FieldErrorList field={fieldKey.show('title')} testId="editor-show-title-error" />
            <ComplianceNote text={present.title} matcher={matcher} testId="editor-show-title-flags" />
          </div>
          <EditorToolbar draft={draft} errors={errors} />
        </header>

        <div className="editor-tools">
          <section className="panel" aria-labelledby={`${id}-templates`}>
            <h2 id={`${id}-templates`} className="panel__heading">
              {t('editor.templates.heading')}
            </h2>
            <Templates selectedId={selected?.id ?? null} onSelect={select} />
          </section>
          <section className="panel" aria-labelledby={`${id}-files`}>
            <h2 id={`${id}-files`} className="panel__heading">
              {t('editor.files.heading')}
            </h2>
            <ImportExport saved={draft.engine} />
          </section>
          <section className="panel" aria-labelledby={`${id}-compliance`}>
            <h2 id={`${id}-compliance`} className="panel__heading">
              {t('editor.compliance.heading')}
            </h2>
            <ComplianceSummary onSelect={select} />
          </section>
        </div>

        <div className="editor-main">
          <section className="panel editor-rundown" aria-labelledby={`${id}-rundown`}>
            <h2 id={`${id}-rundown`} className="panel__heading">
              {t('editor.segments.heading')}
            </h2>
            <SegmentList selectedId={selected?.id ?? null} onSelect={select} />
            <Totals />
          </section>
          <section className="panel editor-detail" aria-labelledby={`${id}-detail`}>
            <h2 id={`${id}-detail`} className="panel__heading">
              {selected === undefined ? t('editor.segment.heading') : t('editor.segment.headingNamed', { index: present.segments.indexOf(selected) + 1 })}
            </h2>
            {selected === undefined ? (
              <p className="empty-state">{t('editor.segment.none')}</p>
            ) : (
              <SegmentForm key={selected.id} segment={selected} />
            )}
          </section>
        </div>

        <section className="panel" aria-labelledby={`${id}-products`}>
          <h2 id={`${id}-products`} className="panel__heading">
            {t('editor.products.heading')}
          </h2>
          <ProductTable />
        </section>
      </main>
    </EditorContext.Provider>
  );
}
