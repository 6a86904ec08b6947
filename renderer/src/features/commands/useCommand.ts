import { useCallback, useState } from 'react';
import type { CommandInput, CommandResult } from '../../../../shared/protocol/index.ts';
import { sendCommand } from '../../app/connection.ts';

/** Sends commands and tracks whether one started here is still waiting for its answer. */
export function useCommand(): { pending: boolean; run: (command: CommandInput) => Promise<CommandResult> } {
  const [inFlight, setInFlight] = useState(0);
  const run = useCallback(async (command: CommandInput) => {
    setInFlight((n) => n + 1);
    try {
      return await sendCommand(command);
    } finally {
      setInFlight((n) => n - 1);
    }
  }, []);
  return { pending: inFlight > 0, run };
}
