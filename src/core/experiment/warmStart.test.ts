// The shared warm start: trained once per identity and restored from the run cache after, so a sweep's runs start
// from the same policy; the schema's marked settings, the model, the data and the backend all tell warm starts apart.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userItems } from '../data/dataset';
import { builtinDataset } from '../data/synthetic';
import { createSoftmaxMf } from '../models/softmaxMf';
import { Rng } from '../random/rng';
import { useWasm } from '../testing/tfSetup';
import { RunCache } from './runCache';
import { warmStartFields } from './settings';
import { cachedWarmStart, policyRunStreams, type WarmStartIdentity } from './warmStart';

beforeAll(useWasm);

const data = builtinDataset('tiny');
const rows = Array.from({ length: data.interactions.numUsers }, (_, u) => userItems(data.interactions, u));
const settings = { epochs: 2, batchUsers: 32, learningRate: 0.02 };
const id = (fields: Record<string, unknown>): WarmStartIdentity => ({ labId: 'test', fields, model: 'softmax-mf', dataName: 'tiny' });

/** A fresh policy from `seed`'s init stream, warm-started through `cache`; returns its weights and whether `rng` was used. */
async function warmed(seed: number, fields: Record<string, unknown>, cache?: RunCache) {
  const streams = policyRunStreams(seed);
  const policy = createSoftmaxMf(rows.length, data.interactions.numItems, 8, streams.init);
  const probe = streams.warm.uint32();
  const rng = policyRunStreams(seed).warm;
  await cachedWarmStart(policy, rows, settings, rng, id(fields), cache);
  const weights = await policy.snapshot();
  policy.dispose();
  // The warm stream is untouched on a hit (the weights come from the cache) and advanced on a miss.
  return { weights, trained: rng.uint32() !== probe };
}

describe('warmStartFields', () => {
  it('picks the settings the schema marks as affecting the warm start, with their values', () => {
    const schema = z.object({ seed: z.number().meta({ warmStart: true }), epochs: z.number(), dim: z.number().meta({ warmStart: true, label: 'Dim' }) });
    expect(warmStartFields(schema, { seed: 3, epochs: 9, dim: 8 })).toEqual({ seed: 3, dim: 8 });
  });
});

describe('cachedWarmStart', () => {
  it('trains on a miss and restores on a hit: the same weights, without training again', async () => {
    const cache = new RunCache();
    const a = await warmed(1, { seed: 1 }, cache);
    const b = await warmed(1, { seed: 1 }, cache);
    expect(a.trained).toBe(true);
    expect(b.trained).toBe(false);
    expect(b.weights).toEqual(a.weights);
    expect(cache.size).toBe(1);
  });

  it('gives the same weights with a cache as without one', async () => {
    const cached = await warmed(2, { seed: 2 }, new RunCache());
    const plain = await warmed(2, { seed: 2 });
    expect(plain.weights).toEqual(cached.weights);
  });

  it('keeps warm starts apart when a marked setting differs, and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const cache = new RunCache();
    await warmed(3, { seed: 3, dim: 8 }, cache);
    const other = await warmed(3, { seed: 3, dim: 16 }, cache);
    expect(other.trained).toBe(true);
    expect(cache.size).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('does nothing for zero epochs, and never caches a warm start that was aborted', async () => {
    const cache = new RunCache();
    const policy = createSoftmaxMf(rows.length, data.interactions.numItems, 8, new Rng(5));
    const ctrl = new AbortController();
    ctrl.abort();
    await cachedWarmStart(policy, rows, { ...settings, epochs: 0 }, new Rng(6), id({}), cache);
    await cachedWarmStart(policy, rows, settings, new Rng(6), id({}), cache, ctrl.signal);
    expect(cache.size).toBe(0);
    policy.dispose();
  });
});
