import { z } from 'zod';
import { RunSlice, ScriptState } from './show-live.ts';
import { FeedsState } from './feeds-live.ts';
import { ObsHealthState, ObsOutputsState, ObsSetupState, ObsSourcesState, TransitionState } from './obs-live.ts';

/** Why the engine is not connected to OBS. Each maps to a translated, specific message in the UI. */
export const ObsOfflineReason = z.enum([
  'not_configured', // no URL saved yet
  'auth_failed', // obs-websocket closed with 4009 (wrong password) or asked for one we don't have
  'refused', // nothing listening at the URL
  'unreachable', // DNS failure, timeout, bad URL
  'lost', // was connected, then the link dropped
  'closed_by_user', // producer pressed Disconnect
  'error', // anything else; see detail
]);
export type ObsOfflineReason = z.infer<typeof ObsOfflineReason>;

export const ObsStatus = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('connected'), since: z.number(), obsVersion: z.string(), websocketVersion: z.string() }),
  z.object({ phase: z.literal('connecting'), since: z.number(), attempt: z.number().int().nonnegative() }),
  z.object({
    phase: z.literal('offline'),
    since: z.number(),
    reason: ObsOfflineReason,
    detail: z.string().optional(),
    /** Engine-clock instant of the next automatic attempt; absent when it will not retry by itself. */
    nextRetryAt: z.number().optional(),
  }),
]);
export type ObsStatus = z.infer<typeof ObsStatus>;

export const ObsScene = z.object({ name: z.string(), uuid: z.string().optional() });
export type ObsScene = z.infer<typeof ObsScene>;

/** What the renderer may know about the OBS connection settings: never the password itself. */
export const ObsConnectionView = z.object({ url: z.string(), hasPassword: z.boolean() });
export type ObsConnectionView = z.infer<typeof ObsConnectionView>;

export const ObsState = z.object({
  connection: ObsConnectionView,
  status: ObsStatus,
  /** Scenes in OBS's own order (top of OBS's list first). */
  scenes: z.array(ObsScene),
  programScene: z.string().nullable(),
  /** Studio mode: the producer prepares the preview scene, then takes it to program with a transition. */
  studioMode: z.boolean(),
  previewScene: z.string().nullable(),
  transitions: TransitionState,
  /** Requests this OBS does not know (older obs-websocket); the features behind them are shown as unavailable. */
  unsupported: z.array(z.string()),
});
export type ObsState = z.infer<typeof ObsState>;

export const EngineInfo = z.object({
  version: z.string(),
  protocolVersion: z.number().int(),
  startedAt: z.number(),
  /** True when the engine listens beyond loopback. */
  lan: z.boolean(),
  /** Address the engine listens on, and its port. */
  host: z.string(),
  port: z.number().int(),
  /** The port asked for; differs from `port` when it was taken and the engine fell back to a free one. */
  requestedPort: z.number().int(),
});
export type EngineInfo = z.infer<typeof EngineInfo>;

export const ShowState = z.object({ title: z.string() });
export type ShowState = z.infer<typeof ShowState>;

/** Why the engine cannot write to its database. */
export const StorageFailureReason = z.enum([
  'locked', // another program holds the database's write lock (a backup tool, a DB browser)
  'full', // the disk (or the file's size limit) is full
  'readonly', // the file or its folder became read-only
  'io', // the disk reported an error
  'other', // SQLite refused the write for another reason
]);
export type StorageFailureReason = z.infer<typeof StorageFailureReason>;

/**
 * Whether what happens is reaching the database. While writes fail the show goes on: the session log and the
 * run state are held in memory (up to a bound) and written, in order, as soon as the database accepts them.
 */
export const StorageState = z.object({
  failing: z
    .object({
      reason: StorageFailureReason,
      /** SQLite's own words. */
      detail: z.string().max(300),
      since: z.number(),
      /** Events held in memory, waiting to be written. */
      held: z.number().int().nonnegative(),
      /** Events not kept because the memory bound was reached: they will be missing from the log. */
      dropped: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type StorageState = z.infer<typeof StorageState>;

/**
 * The whole live state a view needs. Sent whole on connect, then replaced slice by slice; slices are cut so
 * that a frequent change (a health sample every second) does not resend rarely changing data (scene items).
 */
export const EngineState = z.object({
  engine: EngineInfo,
  obs: ObsState,
  obsSources: ObsSourcesState,
  obsOutputs: ObsOutputsState,
  obsHealth: ObsHealthState,
  obsSetup: ObsSetupState,
  show: ShowState,
  script: ScriptState,
  run: RunSlice,
  feeds: FeedsState,
  storage: StorageState,
});
export type EngineState = z.infer<typeof EngineState>;
export type StateSlice = keyof EngineState;
