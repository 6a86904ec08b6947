/**
 * Cheap, explainable text heuristics for the comment panel: is this a question, does it signal buying.
 * Precision over recall: a producer ignores a panel that flags everything. Chinese is matched without word
 * boundaries, English with them.
 */

/** Zero-width and bidi control characters: used to dodge filters, meaningless for matching. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** NFKC (full-width ？ → ?, ｌｉｎｋ → link), invisible characters removed, lower case. */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().trim();
}

const QUESTION_MARK = /[?¿❓❔]/u;
const ZH_QUESTION = new RegExp(
  [
    '吗', // 有吗 / 好用吗
    '[呢么嘛][\\s!~.。…]*$', // 这个呢 / 是么 — only at the end, mid-sentence 呢 is rarely a question
    '怎么|怎样|如何|为什么|为啥|干嘛',
    '多少|多大|多久|多长|多重|多高',
    '几(?!乎)', // 几号 / 几天 / 几个 — but not 几乎 (almost)
    '什么|啥',
    '哪(?!怕)', // but not 哪怕 (even if)
    '请问|求问|问一下|问下',
    '([^\\s不])不\\1', // 能不能 / 好不好 / 是不是
    '有没有|是否',
  ].join('|'),
);
const EN_QUESTION_START =
  /^(what|how|when|where|why|which|who|whom|whose|is|are|am|was|were|can|could|do|does|did|will|would|should|shall|may|might|has|have|any|anyone)\b(?!['’])/;

export function detectQuestion(text: string): boolean {
  const folded = foldText(text);
  if (folded.length === 0) return false;
  return QUESTION_MARK.test(folded) || ZH_QUESTION.test(folded) || EN_QUESTION_START.test(folded);
}

const ZH_PURCHASE = new RegExp(
  [
    '怎么(买|下单|拍|购买|领券)',
    '(在)?哪(里|儿)?(买|下单|拍)',
    '还有(吗|货|没有)|有货|没货|补货|库存|断货|售罄|秒没|抢光',
    '链接|上车|购物车|加购|小黄车',
    '拍了|已拍|拍下|下单|付款|已付|买了|已买|抢到|没抢到',
    '想买|要买|求购|多少钱|什么价|价格|优惠券|领券|包邮|秒杀',
  ].join('|'),
);
const EN_PURCHASE =
  /\b(how (do|can|to|should) i (buy|order|get|purchase)|how to (buy|order|purchase)|where (can i|to|do i) (buy|get|order)|links?|in stock|out of stock|restock|sold out|add(ed)? to (my )?cart|check ?out|ordered|bought|purchased|how much|price|coupon|discount code|shipping)\b/;
/** "扣1": streamers ask those who want the item to type 1. */
const ONES = /^1+$/;

export function detectPurchaseIntent(text: string): boolean {
  const folded = foldText(text);
  if (folded.length === 0) return false;
  return ONES.test(folded) || ZH_PURCHASE.test(folded) || EN_PURCHASE.test(folded);
}
