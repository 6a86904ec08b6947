import type { ShellNotice } from '../../../../shared/shell-bridge.ts';
import { en } from '../../i18n/en.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import type { TFunction } from '../../i18n/useT.ts';
import type { ToastLevel } from '../../stores/toasts.ts';

export function shellNoticeLevel(notice: ShellNotice): ToastLevel {
  switch (notice.kind) {
    case 'engine-restarted':
      return 'info';
    case 'engine-restarting':
    case 'secret-not-saved':
      return 'warning';
    case 'engine-fatal':
    case 'engine-gave-up':
      return 'error';
  }
}

/** A secret's name for people; an unknown one shows its raw key. */
function secretName(t: TFunction, key: string): string {
  const messageKey = `secret.${key}`;
  return isMessageKey(en, messageKey) ? t(messageKey) : key;
}

export function shellNoticeText(t: TFunction, notice: ShellNotice): string {
  switch (notice.kind) {
    case 'engine-restarting':
      return t('shell.engine-restarting', {
        exitCode: notice.exitCode,
        attempt: notice.attempt,
        seconds: Math.ceil(notice.restartInMs / 1_000),
      });
    case 'engine-restarted':
      return t('shell.engine-restarted');
    case 'engine-fatal':
      return t('shell.engine-fatal', { code: notice.code, message: notice.message });
    case 'engine-gave-up':
      return t('shell.engine-gave-up', { crashes: notice.crashes, exitCode: notice.exitCode });
    case 'secret-not-saved':
      return t('shell.secret-not-saved', { secret: secretName(t, notice.key), reason: notice.reason });
  }
}
