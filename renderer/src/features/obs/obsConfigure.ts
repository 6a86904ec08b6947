import type { CommandInput } from '../../../../shared/protocol/index.ts';

export type ObsConfigureCommand = Extract<CommandInput, { type: 'obs.configure' }>;

export interface ObsFormValues {
  url: string;
  password: string;
  clearPassword: boolean;
}

/**
 * The settings form as a command. Password: null removes the saved one, absent keeps it, a string replaces it
 * (not trimmed: spaces may be part of a password).
 */
export function buildObsConfigureCommand({ url, password, clearPassword }: ObsFormValues): ObsConfigureCommand {
  const command: ObsConfigureCommand = { type: 'obs.configure', url: url.trim(), connect: true };
  if (clearPassword) return { ...command, password: null };
  if (password !== '') return { ...command, password };
  return command;
}
