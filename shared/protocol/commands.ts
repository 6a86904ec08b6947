import { z } from 'zod';
import { CameraPreset, HealthThresholds } from './obs-live.ts';
import { Show } from '../show/schema.ts';
import { FeedConfig } from '../feeds/feed-config.ts';
import { Platform } from '../feeds/events.ts';
import { MembersCommands } from '../members/commands.ts';

/** Imported files are parsed by the engine, which reports every error with its line and field. */
const MAX_FILE_CHARS = 5_000_000;

const text = (max: number) => z.string().max(max);

/**
 * Every action any source may ask of the engine (UI, HTTP API, shortcuts, Stream Deck).
 * One schema, one dispatcher: a command is valid or refused the same way whatever sent it.
 */
export const Command = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('obs.configure'),
    url: text(500).refine((u) => /^wss?:\/\/[^\s/]+/.test(u), { message: 'must start with ws:// or wss:// and name a host' }),
    /** A new password; `null` removes the saved one; absent keeps it. */
    password: text(500).nullable().optional(),
    /** Connect right away with the new settings (the settings form's "Save and connect"). */
    connect: z.boolean().default(true),
  }),
  z.object({ type: z.literal('obs.connect') }),
  z.object({ type: z.literal('obs.disconnect') }),
  z.object({ type: z.literal('obs.setProgramScene'), sceneName: text(500).min(1) }),
  /** Scene by its position in OBS's list (1 = top), for number keys and Stream Deck buttons; in studio mode it goes to preview. */
  z.object({ type: z.literal('obs.selectSceneNumber'), number: z.number().int().min(1).max(99) }),
  z.object({ type: z.literal('obs.setPreviewScene'), sceneName: text(500).min(1) }),
  z.object({ type: z.literal('obs.setStudioMode'), enabled: z.boolean() }),
  /** Studio mode: transition the preview scene to program with the current transition. */
  z.object({ type: z.literal('obs.take') }),
  z.object({
    type: z.literal('obs.setTransition'),
    name: text(200).min(1),
    durationMs: z.number().int().min(50).max(20_000).optional(),
  }),
  z.object({
    type: z.literal('obs.setSceneItemEnabled'),
    sceneName: text(500).min(1),
    sceneItemId: z.number().int().nonnegative(),
    enabled: z.boolean(),
  }),
  z.object({ type: z.literal('obs.setInputMute'), inputName: text(500).min(1), muted: z.boolean() }),
  z.object({ type: z.literal('obs.stream'), action: z.enum(['start', 'stop']) }),
  z.object({ type: z.literal('obs.record'), action: z.enum(['start', 'stop', 'pause', 'resume']) }),
  /** Cut to the safe scene at once (panic / BRB), remembering where we were. */
  z.object({ type: z.literal('obs.panic') }),
  /** Go back to the scene that was on program before the panic. */
  z.object({ type: z.literal('obs.panicUndo') }),
  z.object({ type: z.literal('obs.applyCameraPreset'), presetId: text(64).min(1) }),
  /** Camera preset by its position (1 = first), for keys and Stream Deck buttons. */
  z.object({ type: z.literal('obs.applyCameraPresetNumber'), number: z.number().int().min(1).max(99) }),
  z.object({
    type: z.literal('obs.updateSetup'),
    cameraSources: z.array(text(500)).max(200).optional(),
    microphoneInputs: z.array(text(500)).max(200).optional(),
    safeScene: text(500).nullable().optional(),
    healthThresholds: HealthThresholds.optional(),
  }),
  /** Create or replace a camera preset; with `capture`, the visibility is read from OBS's scene as it is now. */
  z.object({ type: z.literal('obs.savePreset'), preset: CameraPreset, capture: z.boolean().default(false) }),
  z.object({ type: z.literal('obs.deletePreset'), presetId: text(64).min(1) }),
  z.object({ type: z.literal('show.setTitle'), title: text(200).trim().min(1) }),
  /** The editor saves the whole script; the engine keeps the run in step (see rebaseRun). */
  z.object({ type: z.literal('show.replace'), show: Show }),
  z.object({ type: z.literal('show.import'), format: z.enum(['json', 'csv']), text: z.string().max(MAX_FILE_CHARS) }),
  z.object({ type: z.literal('show.fromTemplate'), template: z.literal('four-module'), language: z.enum(['en', 'zh-CN']) }),
  /** Start the show. With banned words in the script it is refused unless the producer confirmed. */
  z.object({ type: z.literal('run.start'), rehearsal: z.boolean().default(false), acknowledgeFlags: z.boolean().default(false) }),
  z.object({ type: z.literal('run.next') }),
  z.object({ type: z.literal('run.previous') }),
  z.object({ type: z.literal('run.jump'), index: z.number().int().nonnegative() }),
  z.object({ type: z.literal('run.hold') }),
  z.object({ type: z.literal('run.resume') }),
  z.object({ type: z.literal('run.extend'), deltaMs: z.number().int().min(-3_600_000).max(3_600_000) }),
  z.object({ type: z.literal('run.end') }),
  z.object({ type: z.literal('run.reset') }),
  z.object({ type: z.literal('run.setAutoAdvance'), enabled: z.boolean() }),
  z.object({ type: z.literal('sale.open'), planId: text(64).min(1) }),
  z.object({ type: z.literal('sale.cancel'), planId: text(64).min(1) }),
  /** A sale entered by hand (until the order feed brings them). */
  z.object({ type: z.literal('feeds.add'), config: FeedConfig }),
  z.object({ type: z.literal('feeds.remove'), id: text(64).min(1) }),
  /** The built-in audience simulator, connected as a feed (rehearsals). */
  z.object({
    type: z.literal('simulator.start'),
    rate: z.number().int().min(1).max(5000).default(50),
    seed: z.number().int().min(0).max(2 ** 31).default(42),
  }),
  z.object({ type: z.literal('simulator.stop') }),
  z.object({
    type: z.literal('comment.pin'),
    eventId: text(400).min(1),
    /** The comment as the producer sees it, for one that has left the engine's recent list (busy rooms). */
    comment: z
      .object({ platform: Platform, nickname: text(64), text: text(500), isQuestion: z.boolean(), at: z.number() })
      .optional(),
  }),
  z.object({ type: z.literal('comment.unpin'), eventId: text(400).min(1) }),
  z.object({ type: z.literal('comment.answered'), eventId: text(400).min(1), answered: z.boolean() }),
  z.object({ type: z.literal('feeds.setStreamerAlerts'), enabled: z.boolean() }),
  /** What the show cost (ads, samples, fees), for its ROI in the review. */
  z.object({ type: z.literal('session.setCosts'), sessionId: text(100).min(1), amount: z.number().nonnegative().max(1e10) }),
  z.object({ type: z.literal('sale.record'), planId: text(64).min(1), quantity: z.number().int().min(1).max(10_000), buyerId: text(128).min(1) }),
  ...MembersCommands,
]);
export type Command = z.infer<typeof Command>;
export type CommandInput = z.input<typeof Command>;
export type CommandType = Command['type'];

export const ErrorCode = z.enum([
  'bad_request', // the command failed validation
  'unauthorized',
  'obs_not_connected',
  'obs_request_failed',
  'obs_unsupported', // this OBS's obs-websocket does not know the request (older version)
  'conflict', // the request makes no sense in the current state (Take outside studio mode, undo without panic)
  'compliance_flags', // the script has banned words; resend with acknowledgeFlags after the producer confirmed
  'import_failed', // the file has errors (listed in issues as "line N, field: message"); nothing was changed
  'not_found',
  'rate_limited', // too many calls (or wrong tokens) from this address; retry after the Retry-After header
  'storage_failed', // the database could not be written (locked by another program, disk full); nothing was changed
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const CommandError = z.object({ code: ErrorCode, message: z.string(), issues: z.array(z.string()).optional() });
export type CommandError = z.infer<typeof CommandError>;

export const CommandResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: CommandError }),
]);
export type CommandResult = z.infer<typeof CommandResult>;
