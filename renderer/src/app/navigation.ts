import { useSyncExternalStore } from 'react';

/** pushState fires no event of its own; this one tells subscribers the path changed. */
const NAVIGATE_EVENT = 'cuedeck:navigate';

interface HistoryState {
  inApp?: boolean;
}

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) history.replaceState(history.state, '', to);
  else history.pushState({ inApp: true } satisfies HistoryState, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** True when this history entry was reached by in-app navigation, so going back stays inside Cuedeck. */
export function cameFromInApp(): boolean {
  const state: unknown = history.state;
  return typeof state === 'object' && state !== null && (state as HistoryState).inApp === true;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
