import type { ImportIssue, ImportKind, ImportOutcome } from '../../../../shared/members/import.ts';

/**
 * The import panel as a state machine: choose a kind and a file, preview, and only after a clean preview of that very
 * file and kind, apply. Every request carries the attempt it belongs to; an answer for an older attempt (the user
 * picked another file meanwhile) is dropped.
 */
export type ImportPhase =
  | { name: 'empty' }
  | { name: 'ready' }
  | { name: 'previewing' }
  | { name: 'previewed'; outcome: ImportOutcome }
  | { name: 'invalid'; errors: readonly ImportIssue[]; during: 'preview' | 'apply' }
  | { name: 'failed'; error: unknown; during: 'preview' | 'apply'; outcome: ImportOutcome | null }
  | { name: 'applying'; outcome: ImportOutcome }
  | { name: 'applied'; outcome: ImportOutcome };

export interface ImportState<F> {
  kind: ImportKind;
  file: F | null;
  /** Bumped by every choice and every request; answers name the attempt they answer. */
  attempt: number;
  phase: ImportPhase;
}

export type ImportAction<F> =
  | { type: 'kind'; kind: ImportKind }
  | { type: 'file'; file: F | null }
  | { type: 'preview' }
  | { type: 'previewed'; attempt: number; outcome: ImportOutcome }
  | { type: 'apply' }
  | { type: 'applied'; attempt: number; outcome: ImportOutcome }
  | { type: 'rejected'; attempt: number; errors: readonly ImportIssue[] }
  | { type: 'failed'; attempt: number; error: unknown };

export function initialImportState<F>(kind: ImportKind = 'members'): ImportState<F> {
  return { kind, file: null, attempt: 0, phase: { name: 'empty' } };
}

const fresh = <F>(state: ImportState<F>, patch: Partial<ImportState<F>>): ImportState<F> => {
  const next = { ...state, ...patch, attempt: state.attempt + 1 };
  return { ...next, phase: next.file === null ? { name: 'empty' } : { name: 'ready' } };
};

/** The attempt a preview or apply started from `state` belongs to (its answer must name it). */
export function requestAttempt<F>(state: ImportState<F>): number {
  return state.attempt + 1;
}

/** True while a request is out. */
export function isBusy<F>(state: ImportState<F>): boolean {
  return state.phase.name === 'previewing' || state.phase.name === 'applying';
}

export function canPreview<F>(state: ImportState<F>): boolean {
  return state.file !== null && !isBusy(state);
}

/** Apply only right after a clean preview of the chosen file and kind (not twice, not after errors). */
export function canApply<F>(state: ImportState<F>): boolean {
  return state.file !== null && state.phase.name === 'previewed' && state.phase.outcome.kind === state.kind;
}

export function importReducer<F>(state: ImportState<F>, action: ImportAction<F>): ImportState<F> {
  switch (action.type) {
    case 'kind':
      return action.kind === state.kind ? state : fresh(state, { kind: action.kind });
    case 'file':
      return fresh(state, { file: action.file });
    case 'preview':
      if (!canPreview(state)) return state;
      return { ...state, attempt: requestAttempt(state), phase: { name: 'previewing' } };
    case 'apply':
      if (!canApply(state) || state.phase.name !== 'previewed') return state;
      return { ...state, attempt: requestAttempt(state), phase: { name: 'applying', outcome: state.phase.outcome } };
    case 'previewed':
      if (action.attempt !== state.attempt || state.phase.name !== 'previewing') return state;
      return { ...state, phase: { name: 'previewed', outcome: action.outcome } };
    case 'applied':
      if (action.attempt !== state.attempt || state.phase.name !== 'applying') return state;
      return { ...state, phase: action.outcome.applied ? { name: 'applied', outcome: action.outcome } : { name: 'previewed', outcome: action.outcome } };
    case 'rejected':
      if (action.attempt !== state.attempt || !isBusy(state)) return state;
      return { ...state, phase: { name: 'invalid', errors: action.errors, during: state.phase.name === 'applying' ? 'apply' : 'preview' } };
    case 'failed': {
      if (action.attempt !== state.attempt || !isBusy(state)) return state;
      const applying = state.phase.name === 'applying' ? state.phase.outcome : null;
      return { ...state, phase: { name: 'failed', error: action.error, during: applying === null ? 'preview' : 'apply', outcome: applying } };
    }
  }
}

/** Errors as the panel lists them: file-wide ones first, then by line. */
export function sortedIssues(errors: readonly ImportIssue[]): ImportIssue[] {
  return [...errors].sort((a, b) => a.line - b.line);
}
