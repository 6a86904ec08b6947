import { z } from 'zod';
import { shareOf } from './audience.ts';

/**
 * The member KPIs the operations plan names beside tier shares: lifetime value, repurchase and churn. LTV is the
 * mean lifetime spend of members who bought at all; churn is the share of those buyers tagged "lapsed" (no
 * purchase for longer than the auto-tag rule says).
 */
export const MemberHealth = z.object({
  members: z.number().int().min(0),
  buyers: z.number().int().min(0),
  /** Yuan (SPEND_CURRENCY); null without buyers. */
  ltv: z.number().nullable(),
  repeatBuyers: z.number().int().min(0),
  repeatRate: z.number().nullable(),
  lapsed: z.number().int().min(0),
  churnRate: z.number().nullable(),
});
export type MemberHealth = z.infer<typeof MemberHealth>;

export function memberHealth(counts: { members: number; buyers: number; spendFen: number; repeatBuyers: number; lapsed: number }): MemberHealth {
  return {
    members: counts.members,
    buyers: counts.buyers,
    ltv: counts.buyers > 0 ? counts.spendFen / 100 / counts.buyers : null,
    repeatBuyers: counts.repeatBuyers,
    repeatRate: shareOf(counts.repeatBuyers, counts.buyers),
    lapsed: counts.lapsed,
    churnRate: shareOf(counts.lapsed, counts.buyers),
  };
}
