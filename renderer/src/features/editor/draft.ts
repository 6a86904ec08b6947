import { Show } from '../../../../shared/show/schema.ts';
import { canRedo, canUndo, createHistory, pushHistory, redo, undo, type History } from '../../../../shared/show/editor.ts';
import type { IssueLike } from './fieldErrors.ts';

/*
 * The editor's working copy of the script and how it stays in step with the engine, as pure transitions.
 *
 * Every edit goes on the undo history and, when the result passes the Show schema, is sent whole (show.replace).
 * The engine then sends the script back; that echo must not disturb the producer, who may have typed on. So the
 * shows this page sent are remembered: an engine script equal to one of them is our own echo. Anything else is a
 * change made elsewhere (an import, a template, another window); it replaces the working copy as an undoable
 * step, unless one of our saves is still on its way (it will win on the engine, and its echo follows).
 */

/** How many of our own saves are remembered to recognise their echoes. */
const REMEMBERED_SENDS = 20;

export interface DraftState {
  history: History<Show>;
  /** The engine's script as last received. */
  engine: Show;
  /** Shows this page sent, as the schema normalised them; newest last. */
  sent: readonly Show[];
  /** Saves sent and not answered yet. */
  inFlight: number;
}

/** Structural equality of JSON-like values (shows come from JSON; key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export type Checked = { ok: true; show: Show } | { ok: false; issues: IssueLike[] };

const verdicts = new WeakMap<Show, Checked>();

/** The schema's verdict; a valid show comes back normalised (titles trimmed, defaults filled). Shows are never mutated, so it is kept per object. */
export function checkShow(show: Show): Checked {
  const known = verdicts.get(show);
  if (known !== undefined) return known;
  const result = Show.safeParse(show);
  const checked: Checked = result.success ? { ok: true, show: result.data } : { ok: false, issues: result.error.issues };
  verdicts.set(show, checked);
  return checked;
}

export function createDraft(engine: Show, limit = 200): DraftState {
  return { history: createHistory(engine, limit), engine, sent: [], inFlight: 0 };
}

/** An edit: `key` groups a burst of edits of one field (typing) into one undo step. */
export function edit(state: DraftState, next: Show, key: string | null = null): DraftState {
  const history = pushHistory(state.history, next, key);
  return history === state.history ? state : { ...state, history };
}

export function undoEdit(state: DraftState): DraftState {
  return canUndo(state.history) ? { ...state, history: undo(state.history) } : state;
}

export function redoEdit(state: DraftState): DraftState {
  return canRedo(state.history) ? { ...state, history: redo(state.history) } : state;
}

export type SavePlan = { kind: 'invalid'; issues: IssueLike[] } | { kind: 'unchanged' } | { kind: 'save'; show: Show };

/** What saving the working copy means now. */
export function planSave(state: DraftState): SavePlan {
  const checked = checkShow(state.history.present);
  if (!checked.ok) return { kind: 'invalid', issues: checked.issues };
  return sameJson(checked.show, state.engine) ? { kind: 'unchanged' } : { kind: 'save', show: checked.show };
}

export function saveStarted(state: DraftState, show: Show): DraftState {
  return { ...state, sent: [...state.sent, show].slice(-REMEMBERED_SENDS), inFlight: state.inFlight + 1 };
}

export function saveAnswered(state: DraftState): DraftState {
  return { ...state, inFlight: Math.max(0, state.inFlight - 1) };
}

/** True when the working copy says what the engine has (up to the schema's normalisation). */
export function matchesEngine(state: DraftState): boolean {
  const checked = checkShow(state.history.present);
  return sameJson(checked.ok ? checked.show : state.history.present, state.engine);
}

/** A script from the engine: our own echo, or a change made elsewhere. */
export function receiveEngineShow(state: DraftState, show: Show): DraftState {
  if (show === state.engine) return state;
  const next = { ...state, engine: show };
  if (state.sent.some((s) => sameJson(s, show))) return next;
  if (matchesEngine(next) || state.inFlight > 0) return next;
  // Every save of ours was answered and the engine moved on from all of them: their echoes are behind us.
  return { ...next, sent: [], history: pushHistory(state.history, show, null) };
}

export type SaveState = 'saved' | 'saving' | 'invalid' | 'error' | 'unsaved';

/** What the producer is told about saving: problems to fix first, a save on its way, a failed one, or in step. */
export function saveStateOf(state: DraftState, problems: number, failed: boolean): SaveState {
  if (problems > 0) return 'invalid';
  if (state.inFlight > 0) return 'saving';
  if (failed) return 'error';
  return matchesEngine(state) ? 'saved' : 'unsaved';
}
