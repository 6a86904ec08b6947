import { create } from 'zustand';
import type { FeedEvent, Platform } from '../../../../shared/feeds/events.ts';
import type { MemberCard, MemberTier } from '../../../../shared/members/member.ts';
import { getEngineNow } from '../../stores/clock.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { onFeedBatch, useFeeds } from '../feeds/feedsStore.ts';
import { accountsOf, BadgeLookup } from './badgeLookup.ts';
import { lookupMembers } from './membersApi.ts';
import { ArrivalTracker, type VipArrival } from './vipArrivals.ts';

/** How long a VIP arrival stays in the comment panel's header. */
export const ARRIVAL_SHOWN_MS = 12_000;
/** Arrivals in the header at once (newest first). */
const ARRIVALS_SHOWN = 3;
/** Comments remembered as a VIP's arrival, for the row highlight. */
const ARRIVAL_IDS_KEPT = 500;

interface BadgeStore {
  /** Bumped whenever a lookup answer arrives: components that read tiers subscribe to it. */
  version: number;
}

/** Re-renders readers of member badges when answers arrive; the answers themselves live in `lookup`. */
export const useMemberBadges = create<BadgeStore>()(() => ({ version: 0 }));

interface ArrivalStore {
  /** Shown in the comment panel's header, newest first. */
  shown: readonly VipArrival[];
  /** Event ids of comments that were a VIP's arrival. */
  eventIds: ReadonlySet<string>;
  dismiss: (eventId: string) => void;
}

export const useVipArrivals = create<ArrivalStore>()((set, get) => ({
  shown: [],
  eventIds: new Set(),
  dismiss: (eventId) => set({ shown: get().shown.filter((a) => a.eventId !== eventId) }),
}));

const tracker = new ArrivalTracker();
const lookup = new BadgeLookup({
  fetch: lookupMembers,
  onUpdate: () => {
    useMemberBadges.setState({ version: lookup.version });
    announce(tracker.resolve(tierOf, getEngineNow()));
  },
});

function tierOf(platform: Platform, userId: string): MemberTier | null | undefined {
  return lookup.tier(platform, userId);
}

/** The tier of a platform account: undefined while not known yet, null when no member has it. */
export function memberTier(platform: string, userId: string): MemberTier | null | undefined {
  return lookup.tier(platform, userId);
}

/** The member card of a platform account, as the badge popover shows it. */
export function memberCard(platform: string, userId: string): MemberCard | null | undefined {
  return lookup.card(platform, userId);
}

/** Member records changed here (a feed-back, an import, a merge…): badges are asked about again as they show up. */
export function invalidateMemberBadges(): void {
  lookup.invalidate();
}

function announce(arrivals: readonly VipArrival[]): void {
  if (arrivals.length === 0) return;
  const named = arrivals.map((a) => {
    const card = lookup.card(a.platform, a.userId);
    return card ? { ...a, displayName: card.displayName } : a;
  });
  const { shown, eventIds } = useVipArrivals.getState();
  const ids = new Set(eventIds);
  for (const a of named) ids.add(a.eventId);
  while (ids.size > ARRIVAL_IDS_KEPT) {
    const oldest = ids.values().next();
    if (oldest.done === true) break;
    ids.delete(oldest.value);
  }
  const newest = [...named].sort((a, b) => b.at - a.at);
  useVipArrivals.setState({ shown: [...newest, ...shown].slice(0, ARRIVALS_SHOWN), eventIds: ids });
  for (const a of named) setTimeout(() => useVipArrivals.getState().dismiss(a.eventId), ARRIVAL_SHOWN_MS);
}

/** The current show by its start; left as it is while the page has no state (between connects). */
function followSession(): void {
  const state = useEngineState.getState().state;
  if (state) tracker.setSession(state.run.run.showStartedAt);
}

function receive(events: readonly FeedEvent[]): void {
  followSession();
  lookup.request(accountsOf(events));
  announce(tracker.observe(events, tierOf, getEngineNow()));
}

let attached = false;

/**
 * Starts collecting accounts from the feed (once per page, kept for the page's life): the comments already held,
 * then every batch. Called by the comment panel when it mounts.
 */
export function attachMemberBadges(): void {
  if (attached) return;
  attached = true;
  receive(useFeeds.getState().comments.map((entry) => entry.event));
  onFeedBatch((batch) => receive(batch.events));
  useEngineState.subscribe(followSession);
}
