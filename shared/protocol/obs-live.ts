import { z } from 'zod';

/** A source placed in a scene: a camera, an overlay, a text… toggled by visibility. */
export const ObsSceneItem = z.object({
  id: z.number().int(),
  sourceName: z.string(),
  enabled: z.boolean(),
  /** OBS input kind (v4l2_input, image_source, …); null for nested scenes and groups. */
  inputKind: z.string().nullable(),
  isGroup: z.boolean(),
});
export type ObsSceneItem = z.infer<typeof ObsSceneItem>;

export const ObsInput = z.object({
  name: z.string(),
  kind: z.string(),
  /** Mute state for inputs that carry audio; null for video-only inputs (OBS refuses GetInputMute for them). */
  muted: z.boolean().nullable(),
});
export type ObsInput = z.infer<typeof ObsInput>;

/** Scene items by scene name, and the inputs, mirrored from OBS's events. */
export const ObsSourcesState = z.object({
  sceneItems: z.record(z.string(), z.array(ObsSceneItem)),
  inputs: z.array(ObsInput),
});
export type ObsSourcesState = z.infer<typeof ObsSourcesState>;

export const ObsOutput = z.object({
  active: z.boolean(),
  /** Starting or stopping: OBS has accepted the request but the output has not changed state yet. */
  transitioning: z.boolean(),
  reconnecting: z.boolean(),
  paused: z.boolean(),
  /** Engine-clock instant the output went live, so every view derives the same timecode. */
  startedAt: z.number().nullable(),
  /** Engine-clock instant the current pause began (recordings only); the timecode stands still from there. */
  pausedAt: z.number().nullable(),
  /** Time spent in earlier pauses of this output, left out of its timecode. */
  pausedMs: z.number().min(0),
  /** Path of the last finished recording. */
  lastFile: z.string().nullable(),
});
export type ObsOutput = z.infer<typeof ObsOutput>;

export const ObsOutputsState = z.object({ stream: ObsOutput, record: ObsOutput });
export type ObsOutputsState = z.infer<typeof ObsOutputsState>;

export const HealthLevel = z.enum(['green', 'yellow', 'red']);
export type HealthLevel = z.infer<typeof HealthLevel>;

/** One health reading, derived from GetStats / GetStreamStatus deltas between two samples. */
export const ObsHealthSample = z.object({
  at: z.number(),
  cpuPercent: z.number(),
  memoryMb: z.number(),
  fps: z.number(),
  targetFps: z.number().nullable(),
  averageFrameRenderMs: z.number(),
  /** Percentages of frames skipped since the previous sample. */
  renderSkippedPct: z.number(),
  outputSkippedPct: z.number(),
  streamSkippedPct: z.number().nullable(),
  /** Stream output bitrate from outputBytes deltas; null while not streaming. */
  streamKbps: z.number().nullable(),
  recordKbps: z.number().nullable(),
  congestion: z.number().nullable(),
  diskFreeMb: z.number().nullable(),
});
export type ObsHealthSample = z.infer<typeof ObsHealthSample>;

export const HealthMetric = z.enum(['cpu', 'fps', 'render_skipped', 'output_skipped', 'stream_skipped', 'bitrate', 'congestion', 'disk']);
export type HealthMetric = z.infer<typeof HealthMetric>;

export const HealthFinding = z.object({ metric: HealthMetric, level: HealthLevel, value: z.number() });
export type HealthFinding = z.infer<typeof HealthFinding>;

export const ObsHealthState = z.object({
  level: HealthLevel,
  /** The metrics that are not green, worst first. */
  findings: z.array(HealthFinding),
  sample: ObsHealthSample.nullable(),
});
export type ObsHealthState = z.infer<typeof ObsHealthState>;

/** Thresholds for the health lights; yellow at `warn`, red at `alarm`. */
export const HealthThresholds = z.object({
  cpuPercent: z.object({ warn: z.number(), alarm: z.number() }),
  /** Rendered fps as a share of the target fps, below which the light changes. */
  fpsRatio: z.object({ warn: z.number(), alarm: z.number() }),
  skippedPct: z.object({ warn: z.number(), alarm: z.number() }),
  congestion: z.object({ warn: z.number(), alarm: z.number() }),
  /** Stream bitrate below which the light changes, in kbit/s. */
  minStreamKbps: z.object({ warn: z.number(), alarm: z.number() }),
  diskFreeMb: z.object({ warn: z.number(), alarm: z.number() }),
});
export type HealthThresholds = z.infer<typeof HealthThresholds>;

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  cpuPercent: { warn: 70, alarm: 90 },
  fpsRatio: { warn: 0.95, alarm: 0.8 },
  skippedPct: { warn: 1, alarm: 5 },
  congestion: { warn: 0.2, alarm: 0.5 },
  minStreamKbps: { warn: 1000, alarm: 200 },
  diskFreeMb: { warn: 5120, alarm: 1024 },
};

export const CameraPreset = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  sceneName: z.string().min(1).max(500),
  /** Visibility to apply, by source name; sources not listed are left as they are. */
  visibility: z.record(z.string().max(500), z.boolean()),
});
export type CameraPreset = z.infer<typeof CameraPreset>;

/** How the producer set up this OBS for shows: which sources are cameras and mics, presets, the safe scene. */
export const ObsSetupState = z.object({
  cameraSources: z.array(z.string()),
  microphoneInputs: z.array(z.string()),
  cameraPresets: z.array(CameraPreset),
  /** The scene the panic / BRB key cuts to. */
  safeScene: z.string().nullable(),
  healthThresholds: HealthThresholds,
  panic: z.object({ active: z.boolean(), returnTo: z.string().nullable(), at: z.number().nullable() }),
});
export type ObsSetupState = z.infer<typeof ObsSetupState>;

export const TransitionState = z.object({
  available: z.array(z.string()),
  current: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** A transition is running (started at this engine instant); views show its progress honestly. */
  runningSince: z.number().nullable(),
});
export type TransitionState = z.infer<typeof TransitionState>;
