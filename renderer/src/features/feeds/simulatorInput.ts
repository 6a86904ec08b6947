/** What the engine accepts for `simulator.start` (shared/protocol/commands.ts). */
export const SIMULATOR_LIMITS = { rate: { min: 1, max: 5_000 }, seed: { min: 0, max: 2 ** 31 } } as const;

/** A whole number typed in a field, within bounds; null when it is not one ("", "1.5", "1e3" beyond, "abc"). */
export function parseWholeNumber(text: string, { min, max }: { min: number; max: number }): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}
