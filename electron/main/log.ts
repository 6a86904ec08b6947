/** What the shell modules log through; `console` fits, tests pass spies. */
export type ShellLogger = Pick<Console, 'info' | 'warn' | 'error'>;
