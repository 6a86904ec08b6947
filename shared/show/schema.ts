import { z } from 'zod';

/** Written into every exported file; a file with a higher version is refused rather than half-read. */
export const SHOW_FILE_FORMAT = 'cuedeck.show';
export const SHOW_FILE_VERSION = 1;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Every bound in one place, so the editor UI and the importers can show them. */
export const SHOW_LIMITS = {
  idMaxLength: 64,
  titleMaxLength: 200,
  talkingPointsMaxLength: 20_000,
  /** OBS scene, source and camera preset names. */
  obsNameMaxLength: 256,
  cueMessageMaxLength: 500,
  skuMaxLength: 64,
  productNameMaxLength: 120,
  urlMaxLength: 2048,
  platformMaxLength: 40,
  maxPlatforms: 12,
  bannedWordMaxLength: 50,
  maxBannedWords: 2000,
  maxSegments: 200,
  maxProducts: 500,
  maxProductsPerSegment: 50,
  maxCuesPerSegment: 100,
  maxFlashSalesPerSegment: 20,
  segmentMinMs: 10 * SECOND,
  segmentMaxMs: 4 * HOUR,
  warmupMinMs: 10 * SECOND,
  warmupMaxMs: 300 * SECOND,
  saleMinMs: 1 * MINUTE,
  saleMaxMs: 20 * MINUTE,
  /** Yuan. */
  maxPrice: 10_000_000,
  maxStock: 10_000_000,
  maxPerCustomerLimit: 9_999,
} as const;

const L = SHOW_LIMITS;

const LINE_BREAK = /[\r\n]/;

/** C0 controls other than tab, LF and CR, and DEL: never legitimate in a script, sometimes used to break parsers. */
function noControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return false;
  }
  return true;
}

/** Single-line text, trimmed. */
function line(max: number, min = 0) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? 'required' : `at least ${min} characters`)
    .max(max, `at most ${max} characters`)
    .refine((s) => noControl(s) && !LINE_BREAK.test(s), 'must be a single line without control characters');
}

/** Multi-line text, kept as typed. */
function multiline(max: number) {
  return z.string().max(max, `at most ${max} characters`).refine(noControl, 'must not contain control characters');
}

function intIn(min: number, max: number, unit = '') {
  return z
    .number()
    .int('must be a whole number')
    .min(min, `must be at least ${min}${unit}`)
    .max(max, `must be at most ${max}${unit}`);
}

/** Ids end up in URLs, DOM ids and log lines: keep them boring. */
export const EntityId = z
  .string()
  .min(1, 'required')
  .max(L.idMaxLength, `at most ${L.idMaxLength} characters`)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'only letters, digits and _ . : - are allowed');

function hasAtMostTwoDecimals(v: number): boolean {
  const cents = v * 100;
  // Binary floating point: 19.99 * 100 is 1998.9999999999998.
  return Math.abs(cents - Math.round(cents)) < 1e-6;
}

/** An amount in yuan: fen are the smallest unit. */
export const Yuan = z
  .number()
  .min(0, 'must not be negative')
  .max(L.maxPrice, `must be at most ${L.maxPrice}`)
  .refine(hasAtMostTwoDecimals, 'at most 2 decimal places');

export const SegmentKind = z.enum(['opening', 'product', 'interaction', 'closing', 'break', 'custom']);
export type SegmentKind = z.infer<typeof SegmentKind>;
export const SEGMENT_KINDS: readonly SegmentKind[] = SegmentKind.options;

export const Product = z
  .object({
    id: EntityId,
    sku: line(L.skuMaxLength, 1),
    name: line(L.productNameMaxLength, 1),
    listPrice: Yuan,
    dealPrice: Yuan,
    stock: intIn(0, L.maxStock),
    perCustomerLimit: intIn(1, L.maxPerCustomerLimit),
    // Only web images: a javascript: or file: URL must never reach an <img> or OBS browser source.
    imageUrl: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .max(L.urlMaxLength, `at most ${L.urlMaxLength} characters`)
      .optional(),
  })
  .refine((p) => p.dealPrice <= p.listPrice, { message: 'deal price must not exceed the list price', path: ['dealPrice'] });
export type Product = z.infer<typeof Product>;

/** An OBS scene item to show or hide when a cue fires (e.g. a price overlay). */
export const SceneItemToggle = z.object({
  sceneName: line(L.obsNameMaxLength, 1),
  sourceName: line(L.obsNameMaxLength, 1),
  enabled: z.boolean(),
});
export type SceneItemToggle = z.infer<typeof SceneItemToggle>;

export const Cue = z
  .object({
    id: EntityId,
    /** Measured on the segment's own clock (holds excluded). */
    offsetMs: intIn(0, L.segmentMaxMs, ' ms'),
    message: line(L.cueMessageMaxLength),
    sceneItem: SceneItemToggle.optional(),
  })
  .refine((c) => c.message.length > 0 || c.sceneItem !== undefined, {
    message: 'a cue needs a message or a scene item to toggle',
    path: ['message'],
  });
export type Cue = z.infer<typeof Cue>;

export const FlashSaleStart = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('manual') }),
  /** Opens by itself when the segment's clock reaches offsetMs. */
  z.object({ mode: z.literal('offset'), offsetMs: intIn(0, L.segmentMaxMs, ' ms') }),
]);
export type FlashSaleStart = z.infer<typeof FlashSaleStart>;

export const FlashSalePlan = z.object({
  id: EntityId,
  productId: EntityId,
  dealPrice: Yuan,
  quantity: intIn(1, L.maxStock),
  perCustomerLimit: intIn(1, L.maxPerCustomerLimit),
  /** The pre-countdown shown before the sale opens. */
  warmupMs: intIn(L.warmupMinMs, L.warmupMaxMs, ' ms'),
  durationMs: intIn(L.saleMinMs, L.saleMaxMs, ' ms'),
  start: FlashSaleStart,
});
export type FlashSalePlan = z.infer<typeof FlashSalePlan>;

export const Segment = z.object({
  id: EntityId,
  kind: SegmentKind,
  title: line(L.titleMaxLength, 1),
  // Whole seconds: nobody plans to the millisecond, and it keeps the CSV round trip exact.
  plannedDurationMs: intIn(L.segmentMinMs, L.segmentMaxMs, ' ms').multipleOf(SECOND, 'must be whole seconds'),
  talkingPoints: multiline(L.talkingPointsMaxLength).default(''),
  sceneName: line(L.obsNameMaxLength, 1).nullable().default(null),
  cameraPresetId: line(L.obsNameMaxLength, 1).nullable().default(null),
  productIds: z.array(EntityId).max(L.maxProductsPerSegment).default(() => []),
  cues: z.array(Cue).max(L.maxCuesPerSegment).default(() => []),
  flashSales: z.array(FlashSalePlan).max(L.maxFlashSalesPerSegment).default(() => []),
});
export type Segment = z.infer<typeof Segment>;

export const Show = z
  .object({
    id: EntityId,
    title: line(L.titleMaxLength, 1),
    platforms: z.array(line(L.platformMaxLength, 1)).max(L.maxPlatforms).default(() => []),
    /** ISO 8601 with a UTC offset, e.g. 2025-11-25T20:00:00+08:00. */
    plannedStart: z.iso.datetime({ offset: true, message: 'must be an ISO date-time with an offset' }).nullable().default(null),
    segments: z.array(Segment).max(L.maxSegments).default(() => []),
    products: z.array(Product).max(L.maxProducts).default(() => []),
    /** null: use the shipped default list. */
    bannedWords: z.array(line(L.bannedWordMaxLength, 1)).max(L.maxBannedWords).nullable().default(null),
  })
  .superRefine((show, ctx) => {
    // Ids are unique across every kind of entity, so a bare id (in a log, a fired-cue set) is never ambiguous.
    const seen = new Set<string>([show.id]);
    const claim = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${id}"`, path });
      seen.add(id);
    };
    const productIds = new Set<string>();
    const skus = new Set<string>();
    show.products.forEach((p, i) => {
      claim(p.id, ['products', i, 'id']);
      productIds.add(p.id);
      if (skus.has(p.sku)) ctx.addIssue({ code: 'custom', message: `duplicate SKU "${p.sku}"`, path: ['products', i, 'sku'] });
      skus.add(p.sku);
    });
    show.segments.forEach((s, i) => {
      claim(s.id, ['segments', i, 'id']);
      const linked = new Set<string>();
      s.productIds.forEach((pid, j) => {
        if (!productIds.has(pid)) ctx.addIssue({ code: 'custom', message: `unknown product "${pid}"`, path: ['segments', i, 'productIds', j] });
        if (linked.has(pid)) ctx.addIssue({ code: 'custom', message: `product "${pid}" listed twice`, path: ['segments', i, 'productIds', j] });
        linked.add(pid);
      });
      s.cues.forEach((c, j) => claim(c.id, ['segments', i, 'cues', j, 'id']));
      s.flashSales.forEach((f, j) => {
        claim(f.id, ['segments', i, 'flashSales', j, 'id']);
        if (!productIds.has(f.productId)) {
          ctx.addIssue({ code: 'custom', message: `unknown product "${f.productId}"`, path: ['segments', i, 'flashSales', j, 'productId'] });
        }
      });
    });
  });
export type Show = z.infer<typeof Show>;
/** What a hand-written file may omit (defaults fill it in). */
export type ShowInput = z.input<typeof Show>;

export const ShowFile = z.object({
  format: z.literal(SHOW_FILE_FORMAT),
  version: z.literal(SHOW_FILE_VERSION),
  show: Show,
});
export type ShowFile = z.infer<typeof ShowFile>;
