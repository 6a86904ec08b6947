import { useT } from '../i18n/useT.ts';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { Link } from './Link.tsx';
import { ROUTE_PATHS, VIEW_NAMES, type ViewName } from './router.ts';
import { viewLabelKey } from './viewLabel.ts';
import { navigate } from './navigation.ts';
import { getShell } from './shellBridge.ts';

/** In the desktop app the streamer view gets its own window (full screen on the second display); the producer stays. */
function streamerWindowOpener(): (() => void) | undefined {
  const shell = getShell();
  if (shell === undefined) return undefined;
  return () => {
    shell.openStreamerWindow().catch(() => navigate(ROUTE_PATHS.streamer));
  };
}

const openStreamer = streamerWindowOpener();
const onNavigateFor = (view: ViewName) => (view === 'streamer' ? openStreamer : undefined);

/**
 * The settings page has its own language switch; showing both would put two `language-select` controls on one
 * page, so the bar leaves it out there.
 */
export function TopNav({ showLanguage }: { showLanguage: boolean }) {
  const t = useT();
  return (
    <header className="topbar">
      <span className="brand">{t('app.title')}</span>
      <nav aria-label={t('nav.label')}>
        <ul className="topbar__links">
          {VIEW_NAMES.map((view) => (
            <li key={view}>
              <Link to={ROUTE_PATHS[view]} className="topbar__link" testId={`nav-${view}`} onNavigate={onNavigateFor(view)}>
                {t(viewLabelKey(view))}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="topbar__end">{showLanguage && <LanguageSelect />}</div>
    </header>
  );
}
