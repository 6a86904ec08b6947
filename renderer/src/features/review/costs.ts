/** What the operator may type as a show's costs: "1200", "1,200.50", "¥ 3000", "３０００". Pure. */

/** The engine takes up to this much (shared/protocol/commands.ts). */
export const MAX_COSTS = 1e10;

/** The amount in yuan, or null when it is not a usable amount (empty, negative, not a number, too large). */
export function parseCosts(text: string): number | null {
  const plain = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[．。]/g, '.')
    .replace(/[\s,，_¥￥]/g, '')
    .replace(/^(CNY|RMB|元)|(元|CNY|RMB)$/gi, '');
  if (!/^\d+(\.\d+)?$/.test(plain)) return null;
  const amount = Number(plain);
  if (!Number.isFinite(amount) || amount > MAX_COSTS) return null;
  return Math.round(amount * 100) / 100;
}

/** The ROI light: red below the plan's floor, none until costs are entered. */
export function roiLevel(roi: number | null, floor: number): 'red' | 'normal' | 'none' {
  if (roi === null || !Number.isFinite(roi)) return 'none';
  return roi < floor ? 'red' : 'normal';
}
