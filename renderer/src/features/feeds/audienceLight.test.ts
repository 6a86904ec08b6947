import { describe, expect, it } from 'vitest';
import { worstAudienceLight } from './audienceLight.ts';

describe('worstAudienceLight', () => {
  it('shows the worse of the two lights, viewers first on a tie', () => {
    expect(worstAudienceLight({ viewers: 'green', comments: 'red' })).toMatchObject({ metric: 'comments', level: 'red', alert: 'metrics.alert.comments' });
    expect(worstAudienceLight({ viewers: 'yellow', comments: 'green' })).toMatchObject({ metric: 'viewers', level: 'yellow', alert: null });
    expect(worstAudienceLight({ viewers: 'red', comments: 'red' })).toMatchObject({ metric: 'viewers', level: 'red' });
    expect(worstAudienceLight({ viewers: 'none', comments: 'green' })).toMatchObject({ metric: 'comments', level: 'green' });
    expect(worstAudienceLight({ viewers: 'none', comments: 'none' })).toMatchObject({ level: 'none' });
  });
});
