import type { FiredCue, RunSlice } from '../../../../shared/protocol/index.ts';
import { toSaleView } from '../../../../shared/protocol/index.ts';
import { cancelSale, createFlashSale, openSale, recordSale, tickSale, type FlashSaleState } from '../../../../shared/show/flash-sale.ts';
import {
  advanceIfDue,
  currentSegment,
  dueCues,
  dueFlashSales,
  endRun,
  extendSegment,
  holdRun,
  initialRunState,
  jumpToSegment,
  markCuesFired,
  markSalesFired,
  nextSegment,
  previousSegment,
  rebaseRun,
  resetRun,
  resumeRun,
  segmentElapsedMs,
  setAutoAdvance,
  startRun,
  type RunState,
} from '../../../../shared/show/run-clock.ts';
import type { FlashSalePlan, Segment, Show } from '../../../../shared/show/schema.ts';
import { CommandFailure } from '../../dispatch/command-failure.ts';
import type { Logger } from '../../log.ts';
import type { NoticeBus } from '../../state/notices.ts';
import type { StateHub } from '../../state/state-hub.ts';
import type { ShowService } from './show-service.ts';
import type { ShowStore } from './show-store.ts';

export const RUN_TICK_MS = 50;
const HEARTBEAT_MS = 1000;
const KEPT_CUES = 20;

/** What the run asks of OBS; absent or failing OBS never stops the show. */
export interface StageControl {
  applySegmentLook(sceneName: string | null, cameraPresetId: string | null): Promise<void>;
  setSourceVisible(sceneName: string, sourceName: string, enabled: boolean): Promise<void>;
}

interface RunDeps {
  hub: StateHub;
  store: ShowStore;
  script: ShowService;
  stage: StageControl;
  notices: NoticeBus;
  log: Logger;
  now?: () => number;
}

const ACTIVE_SALE = new Set(['warmup', 'live']);

/**
 * The live run of the show, authoritative on the engine's clock. Transitions come from the shared pure state
 * machines; this service only records instants, persists them, ticks for what is due, and drives OBS.
 */
export class RunService {
  readonly #deps: Required<RunDeps>;
  #sales: Record<string, FlashSaleState> = {};
  #timer: NodeJS.Timeout | null = null;
  #lastHeartbeat = 0;
  readonly #saleLiveListeners = new Set<(sale: { sku: string; quantity: number; perCustomerLimit: number; price: number }) => void>();

  constructor(deps: RunDeps) {
    this.#deps = { now: Date.now, ...deps };
    deps.script.onChange((show) => this.#commit(rebaseRun(this.#run, show)));
  }

  get #run(): RunState {
    return this.#deps.hub.state.run.run;
  }

  get #show(): Show {
    return this.#deps.script.current;
  }

  /** Resume what was running before a crash, from its recorded instants, and say how long the engine was away. */
  initialSlice(): RunSlice {
    const { run, sales, rehearsal, heartbeat } = this.#deps.store.loadRun();
    this.#sales = sales;
    const live = run.status === 'running' || run.status === 'held';
    const now = this.#deps.now();
    const recovered = live && heartbeat !== null ? { at: now, gapMs: Math.max(0, now - heartbeat) } : null;
    if (recovered) this.#deps.log.warn(`Resumed the show after the engine was away for ${Math.round(recovered.gapMs / 1000)} s`);
    return { run, sales: Object.values(sales).map(toSaleView), cues: [], rehearsal, recovered };
  }

  /** Starts ticking if the resumed run needs it. */
  start(): void {
    this.#schedule();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  begin(rehearsal: boolean, acknowledgeFlags: boolean): void {
    if (this.#run.status === 'running' || this.#run.status === 'held') throw new CommandFailure('conflict', 'The show is already running.');
    if (this.#show.segments.length === 0) throw new CommandFailure('conflict', 'The show has no segments to run.');
    const flags = this.#deps.hub.state.script.flags;
    if (flags.length > 0 && !acknowledgeFlags) {
      const words = [...new Set(flags.flatMap((f) => f.matches.map((m) => m.word)))];
      throw new CommandFailure('compliance_flags', `The script contains banned words (${words.join(', ')}); confirm to go live anyway.`, words);
    }
    this.#sales = {};
    const now = this.#deps.now();
    this.#commit(startRun(resetRun(this.#run), this.#show, now), { rehearsal, recovered: null, cues: [] });
  }

  next(): void {
    this.#requireLive();
    this.#commit(nextSegment(this.#run, this.#show, this.#deps.now()));
  }

  previous(): void {
    this.#requireLive();
    this.#commit(previousSegment(this.#run, this.#show, this.#deps.now()));
  }

  jump(index: number): void {
    this.#requireLive();
    if (index >= this.#show.segments.length) throw new CommandFailure('not_found', `There is no segment ${index + 1}`);
    this.#commit(jumpToSegment(this.#run, this.#show, index, this.#deps.now()));
  }

  hold(): void {
    if (this.#run.status !== 'running') throw new CommandFailure('conflict', 'Only a running show can be held.');
    this.#commit(holdRun(this.#run, this.#deps.now()));
  }

  resume(): void {
    if (this.#run.status !== 'held') throw new CommandFailure('conflict', 'The show is not on hold.');
    this.#commit(resumeRun(this.#run, this.#deps.now()));
  }

  extend(deltaMs: number): void {
    this.#requireLive();
    this.#commit(extendSegment(this.#run, this.#show, deltaMs, this.#deps.now()));
  }

  end(): void {
    this.#requireLive();
    const now = this.#deps.now();
    for (const [id, sale] of Object.entries(this.#sales)) if (ACTIVE_SALE.has(sale.status)) this.#sales[id] = cancelSale(sale, now);
    this.#commit(endRun(this.#run, now));
  }

  reset(): void {
    if (this.#run.status === 'running' || this.#run.status === 'held') throw new CommandFailure('conflict', 'End the show before resetting it.');
    this.#sales = {};
    this.#commit(initialRunState(this.#run.autoAdvance), { recovered: null, cues: [] });
  }

  setAutoAdvance(enabled: boolean): void {
    this.#commit(setAutoAdvance(this.#run, enabled));
  }

  #plan(planId: string): FlashSalePlan {
    for (const segment of this.#show.segments) {
      const plan = segment.flashSales.find((p) => p.id === planId);
      if (plan) return plan;
    }
    throw new CommandFailure('not_found', `The script has no flash sale "${planId}"`);
  }

  openSale(planId: string): void {
    const existing = this.#sales[planId];
    if (existing && existing.status !== 'scheduled') throw new CommandFailure('conflict', `That flash sale is already ${existing.status}.`);
    this.#openSale(this.#plan(planId), this.#deps.now());
    this.#commit(this.#run);
  }

  #openSale(plan: FlashSalePlan, now: number): void {
    this.#sales[plan.id] = openSale(this.#sales[plan.id] ?? createFlashSale(plan), now);
  }

  cancelSale(planId: string): void {
    const sale = this.#sales[planId];
    if (!sale || !ACTIVE_SALE.has(sale.status)) throw new CommandFailure('conflict', 'That flash sale is not open.');
    this.#sales[planId] = cancelSale(sale, this.#deps.now());
    this.#commit(this.#run);
  }

  /** A sale (entered by hand now; from the order feed later). Refusals say why (limit, sold out, not live…). */
  recordSale(planId: string, quantity: number, buyerId: string): void {
    const sale = this.#sales[planId];
    if (!sale) throw new CommandFailure('conflict', 'That flash sale has not been opened.');
    const result = recordSale(sale, quantity, buyerId, this.#deps.now());
    this.#sales[planId] = result.state;
    this.#commit(this.#run);
    if (!result.accepted) throw new CommandFailure('conflict', `Sale refused: ${result.reason}`, [result.reason]);
  }

  /** An order from a feed: counts against the live flash sale of its SKU, if any. Refusals are counted, not thrown. */
  recordOrder(sku: string, quantity: number, buyerId: string): void {
    const productIds = new Set(this.#show.products.filter((p) => p.sku === sku).map((p) => p.id));
    const entry = Object.entries(this.#sales).find(([, sale]) => sale.status === 'live' && productIds.has(sale.plan.productId));
    if (!entry) return;
    const [planId, sale] = entry;
    this.#sales[planId] = recordSale(sale, quantity, buyerId, this.#deps.now()).state;
    this.#commit(this.#run);
  }

  /** Called when a flash sale goes live (from warm-up), with what a simulated audience needs to rush it. */
  onSaleLive(listener: (sale: { sku: string; quantity: number; perCustomerLimit: number; price: number }) => void): void {
    this.#saleLiveListeners.add(listener);
  }

  #notifyLive(before: FlashSaleState, after: FlashSaleState): void {
    if (before.status === after.status || after.status !== 'live') return;
    const product = this.#show.products.find((p) => p.id === after.plan.productId);
    if (!product) return;
    const sale = { sku: product.sku, quantity: after.plan.quantity, perCustomerLimit: after.plan.perCustomerLimit, price: after.plan.dealPrice };
    for (const listener of this.#saleLiveListeners) listener(sale);
  }

  /** The editor may change anything but remove the segment on air. */
  checkEdit(show: Show): void {
    const live = this.#run.status === 'running' || this.#run.status === 'held';
    if (live && this.#run.segmentId && !show.segments.some((s) => s.id === this.#run.segmentId)) {
      throw new CommandFailure('conflict', 'The segment on air cannot be deleted; move on to another segment first.');
    }
  }

  #requireLive(): void {
    if (this.#run.status !== 'running' && this.#run.status !== 'held') throw new CommandFailure('conflict', 'The show is not running.');
  }

  /** Record a new run state: persist, publish, and act on a segment change. */
  #commit(run: RunState, extra: Partial<Omit<RunSlice, 'run' | 'sales'>> = {}): void {
    const before = this.#deps.hub.state.run;
    const segmentChanged = run.segmentStartedAt !== before.run.segmentStartedAt && run.status === 'running';
    const slice: RunSlice = { ...before, ...extra, run, sales: Object.values(this.#sales).map(toSaleView) };
    this.#deps.store.saveRun(run, this.#sales, slice.rehearsal);
    this.#deps.hub.set({ run: slice });
    if (segmentChanged) {
      const segment = currentSegment(this.#show, run);
      if (segment) void this.#applyLook(segment);
    }
    this.#schedule();
  }

  async #applyLook(segment: Segment): Promise<void> {
    if (!segment.sceneName && !segment.cameraPresetId) return;
    try {
      await this.#deps.stage.applySegmentLook(segment.sceneName, segment.cameraPresetId);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.#deps.log.warn(`Segment "${segment.title}": OBS not switched: ${detail}`);
      this.#deps.notices.publish('warning', 'run.obs_skipped', { segment: segment.title, detail });
    }
  }

  #needsTicks(): boolean {
    return this.#run.status === 'running' || Object.values(this.#sales).some((s) => ACTIVE_SALE.has(s.status));
  }

  #schedule(): void {
    if (this.#needsTicks() && !this.#timer) this.#timer = setInterval(() => this.#tick(), RUN_TICK_MS);
    else if (!this.#needsTicks() && this.#timer) this.stop();
  }

  /** What is due now: auto-advance (recorded at the instant it was due), cues, scheduled sales, sale phases. */
  #tick(): void {
    const now = this.#deps.now();
    let run = this.#run;
    let changed = false;
    if (run.status === 'running') {
      const advanced = advanceIfDue(run, this.#show, now);
      if (advanced !== run) {
        this.#commit(advanced);
        run = advanced;
      }
      const cues = dueCues(this.#show, run, now);
      const sales = dueFlashSales(this.#show, run, now);
      if (cues.length > 0 || sales.length > 0) {
        const segmentId = run.segmentId ?? '';
        // Recorded at the instant each was due on the segment's clock, not when this tick noticed it.
        const elapsed = segmentElapsedMs(run, now);
        const dueAt = (offsetMs: number) => now - (elapsed - offsetMs);
        const fired: FiredCue[] = cues.filter((c) => c.message).map((c) => ({ cueId: c.id, segmentId, message: c.message, at: dueAt(c.offsetMs) }));
        for (const cue of cues) {
          if (cue.sceneItem) {
            const { sceneName, sourceName, enabled } = cue.sceneItem;
            this.#deps.stage.setSourceVisible(sceneName, sourceName, enabled).catch((error: unknown) => {
              this.#deps.notices.publish('warning', 'run.obs_skipped', { segment: segmentId, detail: String(error) });
            });
          }
        }
        for (const plan of sales) this.#openSale(plan, plan.start.mode === 'offset' ? dueAt(plan.start.offsetMs) : now);
        run = markSalesFired(markCuesFired(run, cues.map((c) => c.id)), sales.map((s) => s.id));
        const cueLog = [...fired.reverse(), ...this.#deps.hub.state.run.cues].slice(0, KEPT_CUES);
        this.#commit(run, { cues: cueLog });
        changed = true;
      }
    }
    for (const [id, sale] of Object.entries(this.#sales)) {
      const next = tickSale(sale, now);
      if (next !== sale) {
        this.#sales[id] = next;
        this.#notifyLive(sale, next);
        changed = true;
      }
    }
    if (changed) this.#commit(this.#run);
    if (now - this.#lastHeartbeat >= HEARTBEAT_MS && this.#needsTicks()) {
      this.#lastHeartbeat = now;
      this.#deps.store.heartbeat(now);
    }
  }
}
