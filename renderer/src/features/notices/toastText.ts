import { en } from '../../i18n/en.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import type { TFunction } from '../../i18n/useT.ts';
import type { ToastContent } from '../../stores/toasts.ts';
import { commandErrorText } from '../commands/commandErrorText.ts';
import { shellNoticeText } from './shellNotice.ts';

/** Notice codes map to `notice.<code>` keys; a code this build does not know still shows, generically. */
export function noticeText(t: TFunction, code: string, params: Readonly<Record<string, string | number>>): string {
  const key = `notice.${code}`;
  return isMessageKey(en, key) ? t(key, params) : t('notice.unknown', { code });
}

export function toastText(t: TFunction, content: ToastContent): string {
  if (content.kind === 'notice') return noticeText(t, content.code, content.params);
  if (content.kind === 'shell') return shellNoticeText(t, content.notice);
  return t('error.withDetail', { what: t(content.action, content.params), detail: commandErrorText(t, content.error) });
}
