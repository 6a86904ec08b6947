/**
 * What the simulated room produces, independent of wire protocol; encode.ts turns each into a Cuedeck or a
 * TikTok-Chat-Reader message. Times are absolute (ms since the epoch, on the simulator's virtual clock).
 */
export interface SimUser {
  userId: string;
  /** The handle (TikTok's uniqueId). */
  uniqueId: string;
  nickname: string;
}

interface Base {
  msgId: string;
  time: number;
}

export type SimMessage =
  | (Base & { kind: 'comment'; user: SimUser; text: string; /** sent through TikTok's Q&A (questionNew) */ viaQuestionBox: boolean })
  | (Base & { kind: 'viewers'; current: number; cumulative: number })
  | (Base & { kind: 'like'; user: SimUser; count: number; total: number })
  | (Base & {
      kind: 'gift';
      user: SimUser;
      giftId: number;
      giftName: string;
      diamondCount: number;
      giftType: number;
      repeatCount: number;
      /** false for the intermediate steps of a streak */
      repeatEnd: boolean;
    })
  | (Base & { kind: 'follow' | 'share' | 'enter'; user: SimUser })
  | (Base & { kind: 'order'; user: SimUser; orderId: string; sku: string; quantity: number; amount: number; currency: string })
  | (Base & { kind: 'order_update'; orderId: string; status: 'refunded' | 'cancelled' })
  | (Base & { kind: 'stream_end' });

export type SimMessageKind = SimMessage['kind'];
/** A message before the model numbers it. */
export type UnnumberedSimMessage = OmitEach<SimMessage, 'msgId'>;
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
