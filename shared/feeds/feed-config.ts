import { z } from 'zod';
import { Platform } from './events.ts';

/** Which protocol a relay speaks. */
export const RelayProtocol = z.enum(['cuedeck', 'tiktok']);
export type RelayProtocol = z.infer<typeof RelayProtocol>;

/** One relay connection, as the producer configures it. */
export const FeedConfig = z
  .object({
    id: z.string().trim().min(1).max(64),
    label: z.string().trim().min(1).max(100),
    url: z
      .string()
      .max(500)
      .refine((u) => /^(https?|wss?):\/\/[^\s/]+/.test(u), { message: 'must start with http(s):// or ws(s):// and name a host' }),
    /** The platform of the room; Cuedeck-protocol messages carry their own, which wins. */
    platform: Platform,
    protocol: RelayProtocol,
    /** TikTok-Chat-Reader relays: the streamer's handle (without @) to join. */
    uniqueId: z.string().trim().min(1).max(100).optional(),
  })
  .refine((c) => c.protocol !== 'tiktok' || c.uniqueId !== undefined, { message: 'a TikTok relay needs the streamer handle', path: ['uniqueId'] });
export type FeedConfig = z.infer<typeof FeedConfig>;
