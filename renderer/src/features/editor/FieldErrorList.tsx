import { useT } from '../../i18n/useT.ts';
import { unitOfField } from './fieldErrors.ts';
import { problemText } from './problemText.ts';
import { useEditorContext } from './EditorContext.ts';

/** The schema's complaints about one field, under it. `id` lets the field point at them (aria-describedby). */
export function FieldErrorList({ field, id, testId }: { field: string; id?: string; testId?: string }) {
  const t = useT();
  const problems = useEditorContext().errors.byField.get(field);
  if (problems === undefined || problems.length === 0) return null;
  const unit = unitOfField(field);
  return (
    <p className="field-error" id={id} role="alert" data-testid={testId ?? 'field-error'} data-field={field}>
      {problems.map((p) => problemText(t, p, unit)).join(' · ')}
    </p>
  );
}

export function useHasFieldError(field: string): boolean {
  return (useEditorContext().errors.byField.get(field)?.length ?? 0) > 0;
}
