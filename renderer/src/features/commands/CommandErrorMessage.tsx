import type { CommandError } from '../../../../shared/protocol/index.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useT } from '../../i18n/useT.ts';
import { commandErrorText } from './commandErrorText.ts';

/** A failed command shown next to the form that sent it, with the engine's validation issues listed. */
export function CommandErrorMessage({ action, error, testId }: { action: MessageKey; error: CommandError; testId: string }) {
  const t = useT();
  return (
    <div className="form-error" role="alert" data-testid={testId}>
      <p>{t('error.withDetail', { what: t(action), detail: commandErrorText(t, error, { withoutIssues: true }) })}</p>
      {error.issues !== undefined && error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue, i) => (
            <li key={i}>{issue}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
