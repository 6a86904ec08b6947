export const ROUTE_PATHS = {
  producer: '/producer',
  show: '/show',
  streamer: '/streamer',
  feeds: '/feeds',
  settings: '/settings',
} as const;

export type ViewName = keyof typeof ROUTE_PATHS;
export const VIEW_NAMES = Object.keys(ROUTE_PATHS) as ViewName[];

export type Route =
  | { kind: 'view'; view: ViewName }
  | { kind: 'redirect'; to: string }
  | { kind: 'not_found'; path: string };

/** '/producer/' and '/producer' are the same page. */
export function normalizePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

export function matchRoute(pathname: string): Route {
  const path = normalizePath(pathname);
  if (path === '/') return { kind: 'redirect', to: ROUTE_PATHS.producer };
  const view = VIEW_NAMES.find((name) => ROUTE_PATHS[name] === path);
  return view === undefined ? { kind: 'not_found', path: pathname } : { kind: 'view', view };
}
