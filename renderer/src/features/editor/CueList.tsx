import { useId } from 'react';
import { addCue, deleteCue, updateCue } from '../../../../shared/show/editor.ts';
import type { Cue, Segment } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { formatClock } from '../run/timeFormat.ts';
import { DraftInput } from './DraftInput.tsx';
import { useEditorContext } from './EditorContext.ts';
import { FieldErrorList } from './FieldErrorList.tsx';
import { ComplianceNote } from './Highlighted.tsx';
import { newId, parseDuration } from './editorInput.ts';
import { fieldKey } from './fieldErrors.ts';

/** Messages for the streamer's prompter at a time into the segment (its own clock, holds excluded). */
export function CueList({ segment }: { segment: Segment }) {
  const t = useT();
  const { change } = useEditorContext();
  const add = () => {
    const last = segment.cues.at(-1);
    const offsetMs = Math.min(last === undefined ? 0 : last.offsetMs + 60_000, segment.plannedDurationMs);
    change((s) => addCue(s, segment.id, { id: newId(), offsetMs, message: '' }));
  };
  return (
    <fieldset className="fieldset" data-testid="cue-list">
      <legend className="field-label">{t('editor.cues.heading')}</legend>
      {segment.cues.length === 0 ? (
        <p className="field-hint">{t('editor.cues.empty')}</p>
      ) : (
        <ul className="sub-list">
          {segment.cues.map((cue) => (
            <CueRow key={cue.id} segmentId={segment.id} cue={cue} />
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="button" data-testid="cue-add" onClick={add}>
          {t('editor.cues.add')}
        </button>
      </div>
    </fieldset>
  );
}

function CueRow({ segmentId, cue }: { segmentId: string; cue: Cue }) {
  const t = useT();
  const id = useId();
  const { change, matcher } = useEditorContext();
  const key = (field: string) => fieldKey.cue(cue.id, field);
  return (
    <li className="sub-item cue-row" data-testid="cue-row" data-cue-id={cue.id}>
      <div className="field field--narrow">
        <label className="field-label" htmlFor={`${id}-offset`}>
          {t('editor.cues.offset')}
        </label>
        <DraftInput
          id={`${id}-offset`}
          className="input--clock"
          testId="cue-offset"
          inputMode="numeric"
          value={cue.offsetMs}
          format={formatClock}
          parse={parseDuration}
          onCommit={(offsetMs) => change((s) => updateCue(s, segmentId, cue.id, { offsetMs }), key('offsetMs'))}
          invalidMessage={t('editor.invalid.clock')}
          messageId={`${id}-offset-invalid`}
        />
        <FieldErrorList field={key('offsetMs')} testId="cue-offset-error" />
      </div>
      <div className="field field--grow">
        <label className="field-label" htmlFor={`${id}-message`}>
          {t('editor.cues.message')}
        </label>
        <input
          id={`${id}-message`}
          type="text"
          autoComplete="off"
          data-testid="cue-message"
          value={cue.message}
          placeholder={t('editor.cues.messagePlaceholder')}
          onChange={(e) => change((s) => updateCue(s, segmentId, cue.id, { message: e.target.value }), key('message'))}
        />
        <FieldErrorList field={key('message')} testId="cue-message-error" />
        <ComplianceNote text={cue.message} matcher={matcher} testId="cue-message-flags" />
        {cue.sceneItem !== undefined && (
          <p className="field-hint">
            {t(cue.sceneItem.enabled ? 'editor.cues.showsSource' : 'editor.cues.hidesSource', {
              source: cue.sceneItem.sourceName,
              scene: cue.sceneItem.sceneName,
            })}
          </p>
        )}
      </div>
      <button
        type="button"
        className="button button--small"
        data-testid="cue-delete"
        aria-label={t('editor.cues.deleteNamed', { time: formatClock(cue.offsetMs) })}
        onClick={() => change((s) => deleteCue(s, segmentId, cue.id))}
      >
        {t('editor.cues.delete')}
      </button>
    </li>
  );
}
