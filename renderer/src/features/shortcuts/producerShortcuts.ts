import type { CommandInput } from '../../../../shared/protocol/index.ts';
import { sendCommand } from '../../app/connection.ts';
import { matchRoute } from '../../app/router.ts';
import { useConnection } from '../../stores/connection.ts';
import { isTerminal } from '../../stores/connectionStatus.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useModals } from '../../stores/modals.ts';
import { reportFailure } from '../commands/reportFailure.ts';
import { useShortcutsHelp } from './helpStore.ts';
import { focusKind, shortcutFailure, shortcutFor } from './keymap.ts';

/** A key pressed while the page is still making its first link to the engine waits this long for it. */
const FIRST_LINK_WAIT_MS = 2_000;
/** A focus this soon after a pointer press came from the mouse (or touch), not the keyboard. */
const POINTER_FOCUS_MS = 500;

/** The shortcuts belong to the producer view, and only once the engine let us in. */
function onProducerView(): boolean {
  const route = matchRoute(location.pathname);
  return route.kind === 'view' && route.view === 'producer' && !isTerminal(useConnection.getState().status);
}

async function runShortcut(command: CommandInput): Promise<void> {
  const studioMode = useEngineState.getState().state?.obs.studioMode ?? false;
  const result = await sendCommand(command, { waitForFirstLinkMs: FIRST_LINK_WAIT_MS });
  if (result.ok) return;
  // Outside studio mode a scene key is a program switch, whose OBS failures the engine already announces.
  const announced =
    command.type === 'obs.selectSceneNumber' && !studioMode && (result.error.code === 'obs_request_failed' || result.error.code === 'obs_unsupported');
  if (announced) return;
  const { key, params } = shortcutFailure(command);
  reportFailure(key, result.error, params);
}

/**
 * The producer view's keyboard shortcuts (see keymap.ts). Installed once at startup, outside React, so a key
 * pressed the moment the page is up is not lost while React is still rendering; it acts only on the producer view.
 * Returns a function that removes it.
 */
export function installProducerShortcuts(): () => void {
  let pointerAt = -Infinity;
  let focusedByPointer = false;
  const onPointerDown = () => {
    pointerAt = performance.now();
  };
  const onFocusIn = () => {
    focusedByPointer = performance.now() - pointerAt < POINTER_FOCUS_MS;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || !onProducerView()) return;
    const target = e.target instanceof HTMLElement && e.target !== document.body ? e.target : null;
    const obs = useEngineState.getState().state?.obs;
    const action = shortcutFor(e, {
      studioMode: obs?.studioMode ?? false,
      transitionRunning: obs?.transitions.runningSince != null,
      dialogOpen: useModals.getState().open > 0,
      focus: focusKind(target, focusedByPointer),
    });
    if (action === null) return;
    e.preventDefault(); // e.g. Space must not also click the scene button the mouse left focused
    if (action.kind === 'help') useShortcutsHelp.getState().toggle();
    else void runShortcut(action.command);
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('focusin', onFocusIn, true);
  window.addEventListener('keydown', onKeyDown);
  return () => {
    document.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('focusin', onFocusIn, true);
    window.removeEventListener('keydown', onKeyDown);
  };
}
