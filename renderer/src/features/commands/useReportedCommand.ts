import { useCallback } from 'react';
import type { CommandInput, CommandResult } from '../../../../shared/protocol/index.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { MessageParams } from '../../i18n/translate.ts';
import { reportFailure } from './reportFailure.ts';
import { useCommand } from './useCommand.ts';

/**
 * Like useCommand, for one-click controls that have no form to show an error in: a refusal becomes an error toast
 * saying what did not happen (`action`) and why.
 */
export function useReportedCommand(): {
  pending: boolean;
  run: (command: CommandInput, action: MessageKey, params?: MessageParams) => Promise<CommandResult>;
} {
  const { pending, run: send } = useCommand();
  const run = useCallback(
    async (command: CommandInput, action: MessageKey, params: MessageParams = {}) => {
      const result = await send(command);
      if (!result.ok) reportFailure(action, result.error, params);
      return result;
    },
    [send],
  );
  return { pending, run };
}
