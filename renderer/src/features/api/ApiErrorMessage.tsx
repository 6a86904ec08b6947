import { useT } from '../../i18n/useT.ts';
import { apiErrorView, type ApiErrorScope } from './apiErrorText.ts';

/** A failed call to the engine, in words, with the engine's own detail and any listed problems. */
export function ApiErrorMessage({ error, testId, scope = 'review' }: { error: unknown; testId: string; scope?: ApiErrorScope }) {
  const t = useT();
  const view = apiErrorView(error, scope);
  return (
    <div className="form-error" role="alert" data-testid={testId}>
      <p>{view.detail === '' ? t(view.key) : t('error.withDetail', { what: t(view.key), detail: view.detail })}</p>
      {view.issues.length > 0 && (
        <ul>
          {view.issues.map((issue, i) => (
            <li key={i}>{issue}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
