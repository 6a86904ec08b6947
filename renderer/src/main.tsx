import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { initLanguage } from './i18n/store.ts';
import { loadToken } from './app/tokenStorage.ts';
import { startConnection } from './app/connection.ts';
import { subscribeShellNotices } from './app/shellNotices.ts';
import { installProducerShortcuts } from './features/shortcuts/producerShortcuts.ts';
import { App } from './app/App.tsx';

// Outside React on purpose: one socket for the page's lifetime, untouched by StrictMode's double effects.
initLanguage();
startConnection(loadToken().token);
subscribeShellNotices();
// Before the first render, so a key pressed as soon as the page is up is not lost.
installProducerShortcuts();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
