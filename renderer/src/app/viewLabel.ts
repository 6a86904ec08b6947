import type { MessageKey } from '../i18n/en.ts';
import type { ViewName } from './router.ts';

/** The message naming a view in the navigation and the window title. */
export function viewLabelKey(view: ViewName): MessageKey {
  if (view === 'show') return 'show.nav';
  if (view === 'review') return 'review.nav';
  if (view === 'members') return 'members.nav';
  return `nav.${view}`;
}
