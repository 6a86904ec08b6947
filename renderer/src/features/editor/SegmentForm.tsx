import { useId } from 'react';
import { updateSegment } from '../../../../shared/show/editor.ts';
import { SEGMENT_KINDS, type Segment, type SegmentKind } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { formatClock } from '../run/timeFormat.ts';
import { parseDuration } from './editorInput.ts';
import { DraftInput } from './DraftInput.tsx';
import { useEditorContext } from './EditorContext.ts';
import { FieldErrorList, useHasFieldError } from './FieldErrorList.tsx';
import { ComplianceNote } from './Highlighted.tsx';
import { fieldKey } from './fieldErrors.ts';
import { CueList } from './CueList.tsx';
import { SalePlanList } from './SalePlanList.tsx';

/** The selected segment's fields. Every change is saved as it is typed (when the script is valid). */
export function SegmentForm({ segment }: { segment: Segment }) {
  const t = useT();
  const id = useId();
  const { change, matcher } = useEditorContext();
  const key = (field: string) => fieldKey.segment(segment.id, field);
  /** Typing in one field is one undo step; a choice from a list is a step of its own. */
  const set = (patch: Parameters<typeof updateSegment>[2], field: string, coalesce = true) =>
    change((s) => updateSegment(s, segment.id, patch), coalesce ? key(field) : null);
  const titleInvalid = useHasFieldError(key('title'));
  const durationInvalid = useHasFieldError(key('plannedDurationMs'));

  return (
    <form className="segment-form" data-testid="segment-form" data-segment-id={segment.id} noValidate onSubmit={(e) => e.preventDefault()}>
      <div className="segment-form__grid">
        <div className="field segment-form__title">
          <label className="field-label" htmlFor={`${id}-title`}>
            {t('editor.segment.title')}
          </label>
          <input
            id={`${id}-title`}
            type="text"
            autoComplete="off"
            data-testid="segment-title"
            value={segment.title}
            aria-describedby={`${id}-title-error`}
            aria-invalid={titleInvalid || undefined}
            onChange={(e) => set({ title: e.target.value }, 'title')}
          />
          <FieldErrorList field={key('title')} id={`${id}-title-error`} testId="segment-title-error" />
          <ComplianceNote text={segment.title} matcher={matcher} testId="segment-title-flags" />
        </div>

        <div className="field">
          <label className="field-label" htmlFor={`${id}-kind`}>
            {t('editor.segment.kind')}
          </label>
          <select
            id={`${id}-kind`}
            data-testid="segment-kind"
            value={segment.kind}
            onChange={(e) => set({ kind: e.target.value as SegmentKind }, 'kind', false)}
          >
            {SEGMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`editor.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>

        <div className="field">
          <label className="field-label" htmlFor={`${id}-duration`}>
            {t('editor.segment.duration')}
          </label>
          <DraftInput
            id={`${id}-duration`}
            className="input--clock"
            testId="segment-duration"
            inputMode="numeric"
            placeholder="05:00"
            value={segment.plannedDurationMs}
            format={formatClock}
            parse={parseDuration}
            onCommit={(plannedDurationMs) => set({ plannedDurationMs }, 'plannedDurationMs')}
            invalidMessage={t('editor.invalid.clock')}
            messageId={`${id}-duration-invalid`}
            aria-describedby={`${id}-duration-error`}
            aria-invalid={durationInvalid || undefined}
          />
          <FieldErrorList field={key('plannedDurationMs')} id={`${id}-duration-error`} testId="segment-duration-error" />
        </div>

        <SceneField segment={segment} inputId={`${id}-scene`} onChange={(sceneName, typed) => set({ sceneName }, 'sceneName', typed)} />
        <PresetField segment={segment} inputId={`${id}-preset`} onChange={(cameraPresetId) => set({ cameraPresetId }, 'cameraPresetId', false)} />
      </div>

      <div className="field">
        <label className="field-label" htmlFor={`${id}-points`}>
          {t('editor.segment.talkingPoints')}
        </label>
        <textarea
          id={`${id}-points`}
          className="talking-points-input"
          data-testid="segment-talking-points"
          rows={6}
          value={segment.talkingPoints}
          placeholder={t('editor.segment.talkingPointsPlaceholder')}
          aria-describedby={`${id}-points-error`}
          onChange={(e) => set({ talkingPoints: e.target.value }, 'talkingPoints')}
        />
        <FieldErrorList field={key('talkingPoints')} id={`${id}-points-error`} testId="segment-talking-points-error" />
        <ComplianceNote text={segment.talkingPoints} matcher={matcher} testId="segment-talking-points-flags" />
      </div>

      <LinkedProducts segment={segment} />
      <CueList segment={segment} />
      <SalePlanList segment={segment} />
    </form>
  );
}

/** OBS's scenes while OBS is connected; a plain name to type while it is not. */
function SceneField({ segment, inputId, onChange }: { segment: Segment; inputId: string; onChange: (name: string | null, typed: boolean) => void }) {
  const t = useT();
  const obs = useEngineState((s) => s.state?.obs);
  const field = fieldKey.segment(segment.id, 'sceneName');
  const connected = obs?.status.phase === 'connected';
  const value = segment.sceneName ?? '';
  const known = obs?.scenes.some((s) => s.name === value) ?? false;
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {t('editor.segment.scene')}
      </label>
      {connected ? (
        <select id={inputId} data-testid="segment-scene" data-mode="obs" value={value} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value, false)}>
          <option value="">{t('editor.segment.sceneNone')}</option>
          {obs.scenes.map((scene) => (
            <option key={scene.uuid ?? scene.name} value={scene.name}>
              {scene.name}
            </option>
          ))}
          {value !== '' && !known && <option value={value}>{t('editor.segment.sceneMissing', { scene: value })}</option>}
        </select>
      ) : (
        <input
          id={inputId}
          type="text"
          autoComplete="off"
          data-testid="segment-scene"
          data-mode="text"
          value={value}
          placeholder={t('editor.segment.scenePlaceholder')}
          onChange={(e) => onChange(e.target.value.trim() === '' ? null : e.target.value, true)}
        />
      )}
      {!connected && <p className="field-hint">{t('editor.segment.sceneOffline')}</p>}
      <FieldErrorList field={field} testId="segment-scene-error" />
    </div>
  );
}

function PresetField({ segment, inputId, onChange }: { segment: Segment; inputId: string; onChange: (id: string | null) => void }) {
  const t = useT();
  const presets = useEngineState((s) => s.state?.obsSetup.cameraPresets) ?? [];
  const value = segment.cameraPresetId ?? '';
  const known = presets.some((p) => p.id === value);
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {t('editor.segment.preset')}
      </label>
      <select id={inputId} data-testid="segment-preset" value={value} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">{t('editor.segment.presetNone')}</option>
        {presets.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.name}
          </option>
        ))}
        {value !== '' && !known && <option value={value}>{t('editor.segment.presetMissing', { preset: value })}</option>}
      </select>
      {presets.length === 0 && <p className="field-hint">{t('editor.segment.presetNoneSaved')}</p>}
    </div>
  );
}

/** Which of the show's products this segment sells (product blocks link theirs). */
function LinkedProducts({ segment }: { segment: Segment }) {
  const t = useT();
  const { show, change } = useEditorContext();
  if (show.products.length === 0) return null;
  const toggle = (productId: string, on: boolean) =>
    change((s) =>
      updateSegment(s, segment.id, {
        productIds: on ? [...segment.productIds, productId] : segment.productIds.filter((p) => p !== productId),
      }),
    );
  return (
    <fieldset className="fieldset" data-testid="segment-products">
      <legend className="field-label">{t('editor.segment.products')}</legend>
      <div className="checkbox-list">
        {show.products.map((product) => (
          <label key={product.id} className="checkbox">
            <input
              type="checkbox"
              data-testid="segment-product"
              data-product-id={product.id}
              checked={segment.productIds.includes(product.id)}
              onChange={(e) => toggle(product.id, e.target.checked)}
            />
            <span>
              {product.name} <span className="muted">({product.sku})</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
