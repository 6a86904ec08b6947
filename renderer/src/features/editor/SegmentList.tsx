import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { addSegment, deleteSegment, duplicateSegment, moveSegment, moveSegmentBy } from '../../../../shared/show/editor.ts';
import { blankSegment } from '../../../../shared/show/templates.ts';
import type { Segment } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { formatClock } from '../run/timeFormat.ts';
import { dropIndex, newId } from './editorInput.ts';
import { useEditorContext } from './EditorContext.ts';
import { Highlighted } from './Highlighted.tsx';
import { fieldKey } from './fieldErrors.ts';

interface DropTarget {
  index: number;
  after: boolean;
}

/**
 * The rundown: one row per segment. Click a row to edit it; reorder by dragging, with the buttons, or with
 * Alt+↑ / Alt+↓ on a focused row (↑ / ↓ alone move the focus).
 */
export function SegmentList({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string | null) => void }) {
  const t = useT();
  const { show, change, matcher, errors, onAirSegmentId } = useEditorContext();
  const presets = useEngineState((s) => s.state?.obsSetup.cameraPresets);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  /** The row to focus after the next render (it moved, or was just added). */
  const focusAfterRender = useRef<string | null>(null);
  const setFocusId = (id: string) => {
    focusAfterRender.current = id;
  };
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);

  const segments = show.segments;
  const selectedIndex = segments.findIndex((s) => s.id === selectedId);
  const selected = segments[selectedIndex];

  useEffect(() => {
    const id = focusAfterRender.current;
    if (id === null) return;
    focusAfterRender.current = null;
    rowRefs.current.get(id)?.focus();
  }, [segments]);

  const move = (id: string, delta: number) => {
    const from = segments.findIndex((s) => s.id === id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= segments.length) return;
    change((s) => moveSegmentBy(s, id, delta));
    setFocusId(id);
  };

  const add = () => {
    const segment = blankSegment(newId, 'custom', t('editor.segment.newTitle'));
    change((s) => addSegment(s, segment, selectedIndex < 0 ? s.segments.length : selectedIndex + 1));
    onSelect(segment.id);
    setFocusId(segment.id);
  };

  const duplicate = () => {
    if (selected === undefined) return;
    // The first id handed out is the copy's own (then its cues' and sales').
    const ids: string[] = [];
    const nextId = () => {
      const id = newId();
      ids.push(id);
      return id;
    };
    change((s) => duplicateSegment(s, selected.id, nextId));
    const copyId = ids[0];
    if (copyId !== undefined) {
      onSelect(copyId);
      setFocusId(copyId);
    }
  };

  const remove = () => {
    if (selected === undefined) return;
    const neighbour = segments[selectedIndex + 1] ?? segments[selectedIndex - 1];
    change((s) => deleteSegment(s, selected.id));
    onSelect(neighbour?.id ?? null);
  };

  const onRowKey = (e: KeyboardEvent<HTMLLIElement>, segment: Segment, index: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      move(segment.id, e.key === 'ArrowUp' ? -1 : 1);
      return;
    }
    if (!e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const next = segments[index + (e.key === 'ArrowUp' ? -1 : 1)];
      if (next !== undefined) rowRefs.current.get(next.id)?.focus();
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(segment.id);
    }
  };

  const onDragOver = (e: DragEvent<HTMLLIElement>, index: number) => {
    if (dragFrom === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const box = e.currentTarget.getBoundingClientRect();
    const after = e.clientY > box.top + box.height / 2;
    if (dropTarget?.index !== index || dropTarget.after !== after) setDropTarget({ index, after });
  };

  const onDrop = (e: DragEvent<HTMLLIElement>) => {
    e.preventDefault();
    if (dragFrom !== null && dropTarget !== null) {
      const from = dragFrom;
      const to = dropIndex(from, dropTarget.index, dropTarget.after);
      const id = segments[from]?.id;
      if (to !== from && id !== undefined) {
        change((s) => moveSegment(s, from, to));
        setFocusId(id);
      }
    }
    setDragFrom(null);
    setDropTarget(null);
  };

  const presetName = (id: string | null) => (id === null ? null : (presets?.find((p) => p.id === id)?.name ?? id));
  const onAirSelected = selected !== undefined && selected.id === onAirSegmentId;

  return (
    <div className="segment-list">
      <div className="button-row segment-list__tools" role="toolbar" aria-label={t('editor.segments.tools')}>
        <button type="button" className="button button--primary" data-testid="segment-add" onClick={add}>
          {t('editor.segments.add')}
        </button>
        <button type="button" className="button" data-testid="segment-duplicate" disabled={selected === undefined} onClick={duplicate}>
          {t('editor.segments.duplicate')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="segment-move-up"
          disabled={selected === undefined || selectedIndex === 0}
          aria-keyshortcuts="Alt+ArrowUp"
          onClick={() => selected && move(selected.id, -1)}
        >
          {t('editor.segments.moveUp')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="segment-move-down"
          disabled={selected === undefined || selectedIndex === segments.length - 1}
          aria-keyshortcuts="Alt+ArrowDown"
          onClick={() => selected && move(selected.id, 1)}
        >
          {t('editor.segments.moveDown')}
        </button>
        <button
          type="button"
          className="button button--danger"
          data-testid="segment-delete"
          disabled={selected === undefined || onAirSelected}
          title={onAirSelected ? t('editor.segments.deleteOnAir') : undefined}
          onClick={remove}
        >
          {t('editor.segments.delete')}
        </button>
      </div>

      {segments.length === 0 ? (
        <p className="empty-state" data-testid="segment-list-empty">
          {t('editor.segments.empty')}
        </p>
      ) : (
        <ol className="segment-rows" aria-label={t('editor.segments.label')} data-testid="segment-list">
          {segments.map((segment, index) => {
            const isSelected = segment.id === selectedId;
            const drop = dropTarget?.index === index ? (dropTarget.after ? 'after' : 'before') : undefined;
            const hasErrors = [...errors.byField.keys()].some((k) => k.startsWith(fieldKey.segment(segment.id, '')));
            const preset = presetName(segment.cameraPresetId);
            return (
              <li
                key={segment.id}
                ref={(el) => {
                  if (el === null) rowRefs.current.delete(segment.id);
                  else rowRefs.current.set(segment.id, el);
                }}
                className={['segment-row', isSelected && 'segment-row--selected', dragFrom === index && 'segment-row--dragging']
                  .filter(Boolean)
                  .join(' ')}
                data-testid="segment-row"
                data-segment-id={segment.id}
                data-kind={segment.kind}
                data-selected={isSelected ? 'true' : undefined}
                data-drop={drop}
                data-on-air={segment.id === onAirSegmentId ? 'true' : undefined}
                data-invalid={hasErrors ? 'true' : undefined}
                tabIndex={0}
                aria-current={isSelected ? 'true' : undefined}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                draggable
                onClick={() => onSelect(segment.id)}
                onKeyDown={(e) => onRowKey(e, segment, index)}
                onDragStart={(e) => {
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', segment.id);
                  setDragFrom(index);
                }}
                onDragOver={(e) => onDragOver(e, index)}
                onDragLeave={(e) => {
                  if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropTarget(null);
                }}
                onDrop={onDrop}
                onDragEnd={() => {
                  setDragFrom(null);
                  setDropTarget(null);
                }}
              >
                <span className="segment-row__grip" aria-hidden="true">
                  ⋮⋮
                </span>
                <span className="segment-row__index">{index + 1}</span>
                <span className={`kind-badge kind-badge--${segment.kind}`}>{t(`editor.kind.${segment.kind}`)}</span>
                <span className="segment-row__title">
                  <Highlighted text={segment.title} matcher={matcher} />
                </span>
                <span className="segment-row__duration" data-testid="segment-row-duration">
                  {formatClock(segment.plannedDurationMs)}
                </span>
                <span className="segment-row__look">
                  {segment.sceneName !== null && (
                    <span className="segment-row__scene" title={t('editor.segment.scene')}>
                      {segment.sceneName}
                    </span>
                  )}
                  {preset !== null && (
                    <span className="segment-row__preset" title={t('editor.segment.preset')}>
                      {preset}
                    </span>
                  )}
                </span>
                {segment.id === onAirSegmentId && <span className="segment-row__on-air">{t('editor.segments.onAir')}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
