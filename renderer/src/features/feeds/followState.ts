import type { CommentEntry } from './feedBuffer.ts';

/**
 * Whether the comment list follows the newest comment or holds still. It holds while the pointer is over it,
 * while a keyboard user is inside it, or after the user scrolled up; while it holds it shows the comments as they
 * were when it stopped (`frozen`), so the row under the pointer neither moves nor disappears.
 */
export interface FollowState {
  hovered: boolean;
  /** Keyboard focus inside the list (a mouse click that focuses a button does not count). */
  focused: boolean;
  scrolledUp: boolean;
  /** The held comments when the list stopped following; null while following. */
  frozen: readonly CommentEntry[] | null;
}

export const FOLLOWING: FollowState = { hovered: false, focused: false, scrolledUp: false, frozen: null };

export type FollowAction =
  | { type: 'hover'; on: boolean; live: readonly CommentEntry[] }
  | { type: 'focus'; on: boolean; live: readonly CommentEntry[] }
  | { type: 'scroll'; atBottom: boolean; live: readonly CommentEntry[] }
  /** The "N new" button: back to the newest, following again even with the pointer still over the list. */
  | { type: 'jump' };

export function isFollowing(state: FollowState): boolean {
  return state.frozen === null;
}

export function followReducer(state: FollowState, action: FollowAction): FollowState {
  let next: Omit<FollowState, 'frozen'>;
  switch (action.type) {
    case 'jump':
      return state === FOLLOWING ? state : FOLLOWING;
    case 'hover':
      next = { ...state, hovered: action.on };
      break;
    case 'focus':
      next = { ...state, focused: action.on };
      break;
    case 'scroll':
      // While following, the list itself scrolls to the bottom: only a scroll away from it is the user's.
      next = { ...state, scrolledUp: !action.atBottom };
      break;
  }
  const hold = next.hovered || next.focused || next.scrolledUp;
  const frozen = hold ? (state.frozen ?? action.live) : null;
  if (next.hovered === state.hovered && next.focused === state.focused && next.scrolledUp === state.scrolledUp && frozen === state.frozen) {
    return state;
  }
  return { ...next, frozen };
}
