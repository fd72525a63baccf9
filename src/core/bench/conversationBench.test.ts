// The conversation benchmark plays real training conversations and reports rates for both learned policies (no timing asserted).
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { benchConversationPlay } from './conversationBench';

beforeAll(useWasm);

describe('benchConversationPlay', () => {
  it('times unified and separated play on tiny and counts their actions', async () => {
    const r = await benchConversationPlay({ warmup: 5, episodes: 5 }, { dataset: 'tiny', headShare: 0.5, validEpisodes: 10, testEpisodes: 10, pretrainEpochs: 1 });
    expect(r.policies.map((p) => p.policy)).toEqual(['unified', 'separated']);
    for (const p of r.policies) {
      expect(p.episodesPerSecond).toBeGreaterThan(0);
      expect(p.evalEpisodesPerSecond).toBeGreaterThan(0);
      expect(p.actionsPerEpisode).toBeGreaterThanOrEqual(1);
      expect(p.actionsPerEpisode).toBeLessThanOrEqual(14);
    }
    expect(r.label).toMatch(/tiny/);
  });
});
