import { SHOW_LIMITS } from './schema.ts';
import type { Product, Segment, SegmentKind, Show } from './schema.ts';

/** Supplies fresh ids (the engine passes crypto.randomUUID; tests pass a counter). */
export type IdGenerator = () => string;

const MINUTE = 60_000;

/** Segment titles the builders use; the caller picks a language or passes its own. */
export interface TemplateTitles {
  opening: string;
  productIntroduction: string;
  interaction: string;
  closing: string;
  highlights: string;
  demonstration: string;
  qa: string;
}

export const TEMPLATE_TITLES = {
  en: {
    opening: 'Opening',
    productIntroduction: 'Product introduction',
    interaction: 'Interaction',
    closing: 'Closing',
    highlights: 'Highlights',
    demonstration: 'Demonstration',
    qa: 'Q&A',
  },
  'zh-CN': {
    opening: '开场',
    productIntroduction: '产品介绍',
    interaction: '互动环节',
    closing: '收尾',
    highlights: '产品亮点',
    demonstration: '使用演示',
    qa: '答疑',
  },
} as const satisfies Record<string, TemplateTitles>;
export type TemplateLanguage = keyof typeof TEMPLATE_TITLES;

export const FOUR_MODULE_DURATIONS_MS = {
  opening: 5 * MINUTE,
  productIntroduction: 10 * MINUTE,
  interaction: 10 * MINUTE,
  closing: 5 * MINUTE,
} as const;
export type FourModuleDurations = { [K in keyof typeof FOUR_MODULE_DURATIONS_MS]: number };

/** The product block that converted best in the operations plan: 3 + 5 + 2 minutes. */
export const PRODUCT_BLOCK_DURATIONS_MS = {
  highlights: 3 * MINUTE,
  demonstration: 5 * MINUTE,
  qa: 2 * MINUTE,
} as const;
export type ProductBlockDurations = { [K in keyof typeof PRODUCT_BLOCK_DURATIONS_MS]: number };

function clip(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max).join('').trimEnd();
}

export function blankSegment(newId: IdGenerator, kind: SegmentKind, title: string, plannedDurationMs = 5 * MINUTE): Segment {
  return {
    id: newId(),
    kind,
    title: clip(title, SHOW_LIMITS.titleMaxLength),
    plannedDurationMs,
    talkingPoints: '',
    sceneName: null,
    cameraPresetId: null,
    productIds: [],
    cues: [],
    flashSales: [],
  };
}

export function emptyShow(newId: IdGenerator, title: string): Show {
  return { id: newId(), title, platforms: [], plannedStart: null, segments: [], products: [], bannedWords: null };
}

export interface ProductBlockOptions {
  newId: IdGenerator;
  titles?: Partial<TemplateTitles>;
  durationsMs?: Partial<ProductBlockDurations>;
}

/**
 * Highlights, demonstration, Q&A for one product, each linked to it. The Q&A is an 'interaction' segment so
 * per-kind totals show how much of the show is spent answering the audience.
 */
export function productBlock(product: Product, options: ProductBlockOptions): Segment[] {
  const titles = { ...TEMPLATE_TITLES.en, ...options.titles };
  const ms = { ...PRODUCT_BLOCK_DURATIONS_MS, ...options.durationsMs };
  const part = (kind: SegmentKind, title: string, duration: number): Segment => ({
    ...blankSegment(options.newId, kind, `${title} · ${product.name}`, duration),
    productIds: [product.id],
  });
  return [
    part('product', titles.highlights, ms.highlights),
    part('product', titles.demonstration, ms.demonstration),
    part('interaction', titles.qa, ms.qa),
  ];
}

export interface FourModuleOptions {
  newId: IdGenerator;
  title: string;
  titles?: Partial<TemplateTitles>;
  durationsMs?: Partial<FourModuleDurations>;
  /** With products, the product introduction becomes one product block per product. */
  products?: readonly Product[];
  platforms?: readonly string[];
}

/** Opening, product introduction, interaction, closing: the script modules of the operations plan. */
export function fourModuleShow(options: FourModuleOptions): Show {
  const { newId } = options;
  const titles = { ...TEMPLATE_TITLES.en, ...options.titles };
  const ms = { ...FOUR_MODULE_DURATIONS_MS, ...options.durationsMs };
  const products = options.products ?? [];
  // Ids are drawn in show order (opening first), which keeps generated ids readable.
  const show = emptyShow(newId, options.title);
  const opening = blankSegment(newId, 'opening', titles.opening, ms.opening);
  const introduction =
    products.length > 0
      ? products.flatMap((p) => productBlock(p, { newId, titles }))
      : [blankSegment(newId, 'product', titles.productIntroduction, ms.productIntroduction)];
  return {
    ...show,
    platforms: [...(options.platforms ?? [])],
    products: [...products],
    segments: [
      opening,
      ...introduction,
      blankSegment(newId, 'interaction', titles.interaction, ms.interaction),
      blankSegment(newId, 'closing', titles.closing, ms.closing),
    ],
  };
}
