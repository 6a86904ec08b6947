import type { Light } from '../../../../shared/feeds/lights.ts';
import { lightView, type LightMetric, type LightView } from './metricsView.ts';

const RANK: Record<Light, number> = { none: 0, green: 1, yellow: 2, red: 3 };

/**
 * The audience's lights as one: the worse of viewers and comments (viewers first on a tie), so the top strip can
 * say in a word whether the room needs the producer's attention.
 */
export function worstAudienceLight(lights: Record<LightMetric, Light>): LightView {
  const metric: LightMetric = RANK[lights.comments] > RANK[lights.viewers] ? 'comments' : 'viewers';
  return lightView(metric, lights[metric]);
}
