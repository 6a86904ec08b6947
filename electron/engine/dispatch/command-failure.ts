import type { ErrorCode } from '../../../shared/protocol/index.ts';

/** A refusal a service reports to whoever sent the command; anything else thrown is an internal error. */
export class CommandFailure extends Error {
  readonly code: ErrorCode;
  /** Itemized problems (e.g. every error of an imported file). */
  readonly issues: string[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: string[]) {
    super(message);
    this.name = 'CommandFailure';
    this.code = code;
    this.issues = issues;
  }
}
