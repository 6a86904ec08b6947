import { useEffect } from 'react';
import { useT } from '../i18n/useT.ts';
import { useConnection } from '../stores/connection.ts';
import { Toasts } from '../features/notices/Toasts.tsx';
import { ProducerView } from '../views/ProducerView.tsx';
import { StreamerView } from '../views/StreamerView.tsx';
import { SettingsView } from '../views/SettingsView.tsx';
import { FeedsView } from '../views/FeedsView.tsx';
import { NotFoundView } from '../views/NotFoundView.tsx';
import { ShowView } from '../views/ShowView.tsx';
import { ReviewView } from '../views/ReviewView.tsx';
import { MembersView } from '../views/MembersView.tsx';
import { usePathname } from './navigation.ts';
import { matchRoute, type Route } from './router.ts';
import { viewLabelKey } from './viewLabel.ts';
import { Redirect } from './Redirect.tsx';
import { TopNav } from './TopNav.tsx';
import { EngineBanner } from './EngineBanner.tsx';
import { StorageBanner } from './StorageBanner.tsx';
import { TokenScreen } from './TokenScreen.tsx';
import { ProtocolMismatchScreen } from './ProtocolMismatchScreen.tsx';

function RouteView({ route }: { route: Route }) {
  switch (route.kind) {
    case 'redirect':
      return <Redirect to={route.to} />;
    case 'not_found':
      return <NotFoundView path={route.path} />;
    case 'view':
      switch (route.view) {
        case 'producer':
          return <ProducerView />;
        case 'show':
          return <ShowView />;
        case 'streamer':
          return <StreamerView />;
        case 'settings':
          return <SettingsView />;
        case 'feeds':
          return <FeedsView />;
        case 'review':
          return <ReviewView sessionId={route.sessionId} />;
        case 'members':
          return <MembersView memberId={route.memberId} />;
      }
  }
}

function useDocumentTitle(route: Route): void {
  const t = useT();
  const title = route.kind === 'view' ? t('app.titleWithView', { view: t(viewLabelKey(route.view)) }) : t('app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

export function App() {
  const route = matchRoute(usePathname());
  const status = useConnection((s) => s.status);
  useDocumentTitle(route);

  if (status === 'unauthorized') return <TokenScreen />;
  if (status === 'protocol_mismatch') return <ProtocolMismatchScreen />;

  // The streamer sees a clean full-screen page: no navigation, nothing to click, no producer toasts.
  const streamer = route.kind === 'view' && route.view === 'streamer';
  return (
    <div className={streamer ? 'app app--streamer' : 'app'}>
      <EngineBanner />
      {!streamer && <StorageBanner />}
      {!streamer && <TopNav showLanguage={!(route.kind === 'view' && route.view === 'settings')} />}
      <RouteView route={route} />
      {!streamer && <Toasts />}
    </div>
  );
}
