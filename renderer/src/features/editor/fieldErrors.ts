import type { Show } from '../../../../shared/show/schema.ts';

/*
 * The Show schema's issues, mapped to the editor fields that caused them. Fields are named by the ids of what
 * they belong to (not by list positions), so an error stays on its field when segments are reordered.
 */

/** Field keys: `show.title`, `segment.<id>.<field>`, `cue.<id>.<field>`, `salePlan.<id>.<field>`, `product.<id>.<field>`. */
export const fieldKey = {
  show: (field: string) => `show.${field}`,
  segment: (id: string, field: string) => `segment.${id}.${field}`,
  cue: (id: string, field: string) => `cue.${id}.${field}`,
  salePlan: (id: string, field: string) => `salePlan.${id}.${field}`,
  product: (id: string, field: string) => `product.${id}.${field}`,
};

/** What is wrong, without words: the view translates it in the field's own unit (mm:ss, seconds, yuan…). */
export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'tooMany'; max: number }
  | { kind: 'tooSmall'; min: number }
  | { kind: 'tooBig'; max: number }
  | { kind: 'notWhole' }
  | { kind: 'notNumber' }
  | { kind: 'wholeSeconds' }
  | { kind: 'decimals' }
  | { kind: 'dealAboveList' }
  | { kind: 'duplicateSku' }
  | { kind: 'duplicateId' }
  | { kind: 'singleLine' }
  | { kind: 'controlCharacters' }
  | { kind: 'url' }
  | { kind: 'cueEmpty' }
  | { kind: 'unknownProduct' }
  | { kind: 'other'; message: string };

/** The parts of a zod issue read here (zod's own type is a wide union). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
}

function problemOf(issue: IssueLike): FieldProblem {
  const { code, message } = issue;
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  switch (code) {
    case 'too_small':
      if (issue.origin === 'number') return { kind: 'tooSmall', min };
      return { kind: 'required' };
    case 'too_big':
      if (issue.origin === 'number') return { kind: 'tooBig', max };
      if (issue.origin === 'array') return { kind: 'tooMany', max };
      return { kind: 'tooLong', max };
    case 'invalid_type':
      return issue.expected === 'int' ? { kind: 'notWhole' } : { kind: 'notNumber' };
    case 'not_multiple_of':
      return { kind: 'wholeSeconds' };
    case 'invalid_format':
      return issue.path.at(-1) === 'imageUrl' ? { kind: 'url' } : { kind: 'other', message };
  }
  if (message === 'deal price must not exceed the list price') return { kind: 'dealAboveList' };
  if (message.startsWith('duplicate SKU')) return { kind: 'duplicateSku' };
  if (message.startsWith('duplicate id')) return { kind: 'duplicateId' };
  if (message.startsWith('unknown product')) return { kind: 'unknownProduct' };
  if (message.startsWith('must be a single line')) return { kind: 'singleLine' };
  if (message.startsWith('must not contain control characters')) return { kind: 'controlCharacters' };
  if (message === 'at most 2 decimal places') return { kind: 'decimals' };
  if (message.startsWith('a cue needs')) return { kind: 'cueEmpty' };
  return { kind: 'other', message };
}

function idAt(list: unknown, index: PropertyKey | undefined): string | null {
  if (!Array.isArray(list) || typeof index !== 'number') return null;
  const item: unknown = list[index];
  if (typeof item !== 'object' || item === null) return null;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/** Where an issue belongs; null for what no single field owns (e.g. too many segments). */
export function fieldOf(show: Show, path: readonly PropertyKey[]): string | null {
  const [top, i, field, j, sub] = path;
  if (top === 'segments') {
    const segment = typeof i === 'number' ? show.segments[i] : undefined;
    const segmentId = idAt(show.segments, i);
    if (segment === undefined || segmentId === null || typeof field !== 'string') return null;
    if (field === 'cues' || field === 'flashSales') {
      const id = idAt(segment[field], j);
      if (id === null || typeof sub !== 'string') return fieldKey.segment(segmentId, field);
      return field === 'cues' ? fieldKey.cue(id, sub) : fieldKey.salePlan(id, sub);
    }
    return fieldKey.segment(segmentId, field);
  }
  if (top === 'products') {
    const id = idAt(show.products, i);
    return id === null || typeof field !== 'string' ? null : fieldKey.product(id, field);
  }
  return typeof top === 'string' && path.length === 1 ? fieldKey.show(top) : null;
}

export interface FieldErrors {
  /** Problems by field key, in the order the schema found them. */
  byField: ReadonlyMap<string, FieldProblem[]>;
  /** Problems no field owns. */
  general: FieldProblem[];
  count: number;
}

export const NO_FIELD_ERRORS: FieldErrors = { byField: new Map(), general: [], count: 0 };

export function fieldErrors(show: Show, issues: readonly IssueLike[]): FieldErrors {
  if (issues.length === 0) return NO_FIELD_ERRORS;
  const byField = new Map<string, FieldProblem[]>();
  const general: FieldProblem[] = [];
  for (const issue of issues) {
    const key = fieldOf(show, issue.path);
    const problem = problemOf(issue);
    if (key === null) general.push(problem);
    else byField.set(key, [...(byField.get(key) ?? []), problem]);
  }
  return { byField, general, count: issues.length };
}

/** Which unit a field is edited in, so limits are shown the way the producer typed them. */
export type FieldUnit = 'clock' | 'seconds' | 'yuan' | 'count' | 'text';

export function unitOfField(key: string): FieldUnit {
  const field = key.slice(key.lastIndexOf('.') + 1);
  if (field === 'plannedDurationMs' || field === 'offsetMs' || field === 'durationMs' || field === 'start') return 'clock';
  if (field === 'warmupMs') return 'seconds';
  if (field === 'listPrice' || field === 'dealPrice') return 'yuan';
  if (field === 'stock' || field === 'perCustomerLimit' || field === 'quantity') return 'count';
  return 'text';
}
