import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { initLanguage } from './i18n/store.ts';
import { loadToken } from './app/tokenStorage.ts';
import { startConnection } from './app/connection.ts';
import { subscribeShellNotices } from './app/shellNotices.ts';
import { installProducerShortcuts } from './features/shortcuts/producerShortcuts.ts';
import { App } from './app/App.tsx';
import { getEngineNow, useClock } from './stores/clock.ts';

// Outside React on purpose: one socket for the page's lifetime, untouched by StrictMode's double effects.
initLanguage();
startConnection(loadToken().token);
subscribeShellNotices();
// Before the first render, so a key pressed as soon as the page is up is not lost.
installProducerShortcuts();

// Read-only probes for support and benchmarks: how this view's engine clock compares with the machine's.
Object.assign(window, {
  cuedeckDiagnostics: { engineNow: getEngineNow, clockEstimate: () => useClock.getState().estimate },
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
