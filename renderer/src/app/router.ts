export const ROUTE_PATHS = {
  producer: '/producer',
  show: '/show',
  streamer: '/streamer',
  feeds: '/feeds',
  review: '/review',
  members: '/members',
  settings: '/settings',
} as const;

export type ViewName = keyof typeof ROUTE_PATHS;
export const VIEW_NAMES = Object.keys(ROUTE_PATHS) as ViewName[];

export type Route =
  | { kind: 'view'; view: ViewName; /** Set only on /review/<session id>. */ sessionId?: string; /** Set only on /members/<member id>. */ memberId?: string }
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
  const sessionId = reviewSessionId(path);
  if (sessionId !== null) return { kind: 'view', view: 'review', sessionId };
  const memberId = memberIdOf(path);
  if (memberId !== null) return { kind: 'view', view: 'members', memberId };
  const view = VIEW_NAMES.find((name) => ROUTE_PATHS[name] === path);
  return view === undefined ? { kind: 'not_found', path: pathname } : { kind: 'view', view };
}

/** The session id of /review/<id> (one non-empty, well-encoded segment); null for any other path. */
function reviewSessionId(path: string): string | null {
  const prefix = `${ROUTE_PATHS.review}/`;
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  if (rest === '' || rest.includes('/')) return null;
  try {
    const id = decodeURIComponent(rest);
    return id.trim() === '' ? null : id;
  } catch {
    return null; // malformed %-escape
  }
}

/** The address of one session's review. */
export function reviewPath(sessionId: string): string {
  return `${ROUTE_PATHS.review}/${encodeURIComponent(sessionId)}`;
}

/** The member id of /members/<id> (one non-empty, well-encoded segment); null for any other path. */
function memberIdOf(path: string): string | null {
  const prefix = `${ROUTE_PATHS.members}/`;
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  if (rest === '' || rest.includes('/')) return null;
  try {
    const id = decodeURIComponent(rest);
    return id.trim() === '' ? null : id;
  } catch {
    return null; // malformed %-escape
  }
}

/** The address of one member's card. */
export function memberPagePath(memberId: string): string {
  return `${ROUTE_PATHS.members}/${encodeURIComponent(memberId)}`;
}
