import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import type { Command, EngineState, Patch } from '../../../../shared/protocol/index.ts';
import type { StateHub } from '../../state/state-hub.ts';
import type { SessionLog } from './session-log.ts';

/** Commands are logged as the producer's actions; secrets never reach the log. */
export function redactCommand(command: Command): Record<string, unknown> {
  if (command.type === 'obs.configure') {
    const { password, ...rest } = command;
    return { ...rest, password: password === undefined ? undefined : '[redacted]' };
  }
  if (command.type === 'show.import') return { type: command.type, format: command.format, chars: command.text.length };
  if (command.type === 'show.replace') return { type: command.type, showId: command.show.id, segments: command.show.segments.length };
  return { ...command };
}

/**
 * Turns what happens into session-log events by watching the state: sessions begin when a run starts and end
 * when it ends; segment, cue, flash-sale, OBS and health changes are recorded as they are published.
 */
export class StateRecorder {
  readonly #log: SessionLog;
  readonly #hub: StateHub;
  #previous: EngineState;

  constructor(hub: StateHub, log: SessionLog) {
    this.#hub = hub;
    this.#log = log;
    this.#previous = hub.state;
    hub.onPatch((patch) => this.#observe(patch));
  }

  feedEvent(event: FeedEvent): void {
    this.#log.record(`feed.${event.type}`, event, event.id, event.at);
  }

  command(command: Command): void {
    this.#log.record('command', redactCommand(command));
  }

  #observe(patch: Patch): void {
    const before = this.#previous;
    const after = this.#hub.state;
    this.#previous = after;
    const { set } = patch;
    if (set.run) this.#run(before, after);
    if (set.obs) {
      if (before.obs.programScene !== after.obs.programScene && after.obs.programScene) {
        this.#log.record('obs.program', { scene: after.obs.programScene });
      }
      if (before.obs.status.phase !== after.obs.status.phase) this.#log.record('obs.status', after.obs.status);
    }
    if (set.obsOutputs) this.#log.record('obs.outputs', after.obsOutputs);
    if (set.obsHealth && after.obsHealth.sample) {
      this.#log.record('obs.health', { level: after.obsHealth.level, findings: after.obsHealth.findings, ...after.obsHealth.sample });
    }
    if (set.obsSetup && before.obsSetup.panic.active !== after.obsSetup.panic.active) this.#log.record('obs.panic', after.obsSetup.panic);
    if (set.feeds) {
      const pinnedBefore = new Set(before.feeds.pinned.map((p) => p.eventId));
      for (const pin of after.feeds.pinned) if (!pinnedBefore.has(pin.eventId)) this.#log.record('pin', pin);
      for (const d of after.feeds.diagnostics) {
        const old = before.feeds.diagnostics.find((x) => x.feedId === d.feedId);
        if (old && old.status.phase !== d.status.phase) this.#log.record('feed.status', { feedId: d.feedId, status: d.status });
      }
    }
  }

  #run(before: EngineState, after: EngineState): void {
    const was = before.run.run;
    const now = after.run.run;
    const started = now.showStartedAt !== null && now.showStartedAt !== was.showStartedAt && now.status === 'running';
    if (started) {
      const kind = after.run.rehearsal ? 'rehearsal' : 'broadcast';
      this.#log.begin(kind, after.script.show.title, after.script.show, now.showStartedAt ?? undefined);
    }
    if (now.status !== was.status || now.segmentStartedAt !== was.segmentStartedAt) {
      this.#log.record(
        'run',
        { status: now.status, segmentId: now.segmentId, segmentIndex: now.segmentIndex, segmentStartedAt: now.segmentStartedAt },
        null,
        now.updatedAt ?? undefined,
      );
    }
    const cueIds = new Set(before.run.cues.map((c) => `${c.cueId}@${c.at}`));
    for (const cue of after.run.cues) if (!cueIds.has(`${cue.cueId}@${cue.at}`)) this.#log.record('cue', cue, null, cue.at);
    for (const sale of after.run.sales) {
      const old = before.run.sales.find((s) => s.plan.id === sale.plan.id);
      if (!old || old.status !== sale.status || old.sold !== sale.sold) {
        this.#log.record('sale', { planId: sale.plan.id, productId: sale.plan.productId, status: sale.status, sold: sale.sold, remaining: sale.remaining, orders: sale.orders });
      }
    }
    if (now.status === 'ended' && was.status !== 'ended') {
      this.#log.end({ metrics: after.feeds.metrics, run: now, sales: after.run.sales });
    }
  }
}
