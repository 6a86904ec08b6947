import type { CommandError } from '../../../../shared/protocol/index.ts';
import type { TFunction } from '../../i18n/useT.ts';

/**
 * "What went wrong" in the user's language, followed by the engine's own (technical) message when there is one.
 * With `withoutIssues`, a message that only restates the validation issues is left out (they are listed apart).
 */
export function commandErrorText(t: TFunction, error: CommandError, { withoutIssues = false } = {}): string {
  const what = t(`error.code.${error.code}`);
  const hasIssues = error.issues !== undefined && error.issues.length > 0;
  const detail = withoutIssues && hasIssues ? '' : error.message.trim();
  return detail === '' ? what : t('error.withDetail', { what, detail });
}
