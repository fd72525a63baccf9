// The conversation pieces on the `tiny` world: attribute table, disjoint episodes, pretraining (no leak, seeded), rule policies.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sortedHas, userItems } from '../data/dataset';
import { builtinDataset } from '../data/synthetic';
import { Rng } from '../random/rng';
import { useWasm } from '../testing/tfSetup';
import { attributeItems, buildAttributeTable, itemAttributes, itemHas, numAttributes } from './attributes';
import { buildEpisodes, splitForConversation } from './episodes';
import { averageTurns, hdcg, successRates } from './metrics';
import { absGreedy, askThenRecommend, maxEntropy, runEpisodes } from './rules';
import { createScorer, DEFAULT_PRETRAIN, pretrainEmbeddings } from './scorer';

beforeAll(useWasm);

const data = builtinDataset('tiny');
const table = buildAttributeTable(data);

describe('the attribute table', () => {
  it('names genres, creators and decades, and its two maps are transposes of each other', () => {
    expect(table.names[0]).toBe(`genre=${data.genreNames[0]}`);
    expect(table.names.some((n) => n.startsWith('creator='))).toBe(true);
    expect(table.names.some((n) => n.startsWith('decade='))).toBe(true);
    for (let p = 0; p < numAttributes(table); p++) for (const v of attributeItems(table, p)) expect(itemHas(table, v, p)).toBe(true);
    let edges = 0;
    for (let v = 0; v < table.numItems; v++) edges += itemAttributes(table, v).length;
    expect(edges).toBe(table.attrItems.length);
  });
});

describe('episodes', () => {
  const { train, test } = splitForConversation(data.interactions, new Rng(5).fork('split'));

  it('come from interactions disjoint from the training ones, and open with an attribute of the target', () => {
    const episodes = buildEpisodes(test, table, new Rng(5).fork('episodes'));
    expect(episodes.length).toBeGreaterThan(0);
    for (const e of episodes) {
      expect(sortedHas(userItems(train, e.user), e.target)).toBe(false);
      expect(sortedHas(userItems(data.interactions, e.user), e.target)).toBe(true);
      expect(itemHas(table, e.target, e.opening)).toBe(true);
    }
  });

  it('are the same for the same seed', () => {
    expect(buildEpisodes(test, table, new Rng(9))).toEqual(buildEpisodes(test, table, new Rng(9)));
  });
});

describe('pretraining and the rule policies on tiny', () => {
  const opts = { ...DEFAULT_PRETRAIN, epochs: 2, dim: 16 };

  it('frees every tensor and gives the same embeddings for the same seed', async () => {
    const { train } = splitForConversation(data.interactions, new Rng(1).fork('split'));
    const before = tf.memory().numTensors;
    const a = await pretrainEmbeddings(train, table, opts, new Rng(1).fork('pretrain'));
    expect(tf.memory().numTensors).toBe(before);
    const b = await pretrainEmbeddings(train, table, opts, new Rng(1).fork('pretrain'));
    expect(a.embeddings.users).toEqual(b.embeddings.users);
    expect(a.embeddings.attributes).toEqual(b.embeddings.attributes);
    expect(a.losses).toEqual(b.losses);
    expect(a.losses[1]).toBeLessThan(a.losses[0]);
  });

  for (const seed of [1, 2]) {
    it(`runs the three rules (seed ${seed}): sane metrics, max entropy succeeds by turn 15 at least as often as always recommending`, async () => {
      const rng = new Rng(seed);
      const { train, test } = splitForConversation(data.interactions, rng.fork('split'));
      const episodes = buildEpisodes(test, table, rng.fork('episodes'));
      const { embeddings } = await pretrainEmbeddings(train, table, opts, rng.fork('pretrain'));
      const scorer = createScorer(embeddings, table);
      const results = {
        greedy: runEpisodes(absGreedy, episodes, scorer),
        entropy: runEpisodes(maxEntropy, episodes, scorer),
        ask3: runEpisodes(askThenRecommend(3), episodes, scorer),
      };
      for (const r of Object.values(results)) {
        expect(r.length).toBe(episodes.length);
        const sr = successRates(r);
        for (let t = 1; t < 15; t++) expect(sr[t]).toBeGreaterThanOrEqual(sr[t - 1]);
        expect(averageTurns(r)).toBeGreaterThanOrEqual(1);
        expect(averageTurns(r)).toBeLessThanOrEqual(15);
        expect(hdcg(r)).toBeGreaterThanOrEqual(0);
        expect(hdcg(r)).toBeLessThanOrEqual(1);
        for (const e of r) expect(e.actions).toBeLessThanOrEqual(14);
      }
      expect(results.greedy.every((e) => e.asks === 0)).toBe(true);
      expect(successRates(results.entropy)[14]).toBeGreaterThanOrEqual(successRates(results.greedy)[14]);
      // deterministic given the scorer
      expect(runEpisodes(maxEntropy, episodes.slice(0, 20), scorer)).toEqual(results.entropy.slice(0, 20));
    });
  }
});
