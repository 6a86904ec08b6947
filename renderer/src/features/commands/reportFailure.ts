import type { CommandError } from '../../../../shared/protocol/index.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { MessageParams } from '../../i18n/translate.ts';
import { localToastId, useNotices } from '../../stores/notices.ts';

/** Tells the producer, as an error toast, that something they asked for did not happen. */
export function reportFailure(action: MessageKey, error: CommandError, params: MessageParams = {}): void {
  useNotices.getState().show({
    id: localToastId('command'),
    level: 'error',
    content: { kind: 'commandFailed', action, params, error },
  });
}
