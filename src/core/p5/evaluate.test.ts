import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createP5Transformer } from '../models/p5/transformer';
import { Rng } from '../random/rng';
import { datasetFromSequences, disjointDataset } from '../testing/p5Data';
import { useWasm } from '../testing/tfSetup';
import { epochOrder, toBatch } from './batches';
import { evaluateMeanRating, evaluatePopularity, evaluateRanking, evaluateRating, evaluateYesNo, sequenceLogProbs, type P5Scorer } from './evaluate';
import { buildP5Data, evaluationExamples, type P5Data, type P5Example } from './examples';
import { templatesOf } from './templates';
import { EOS, NO, RATING_TOKENS, YES } from './vocab';

beforeAll(useWasm);

// u0: train [0,1,2], validation 3, test 4; u1: train [5], 6, 7; u2: train [8,9], 10, 11.
const seqs = [
  [0, 1, 2, 3, 4],
  [5, 6, 7],
  [8, 9, 10, 11],
];
const ratings = seqs.map((s) => s.map(() => 3));
const dataset = datasetFromSequences(seqs, 24, ratings);

/** A stand-in model: next-token logits from `next(promptRow)`, teacher-forced logits from `at(promptRow, prefix)`. */
function stub(V: number, next: (src: number[]) => number[], at: (src: number[], prefix: number[]) => number[] = () => new Array(V).fill(0)): P5Scorer {
  const rows = (a: Int32Array, L: number, size: number) => Array.from({ length: size }, (_, b) => Array.from(a.subarray(b * L, (b + 1) * L)));
  return {
    nextTokenLogits: (src, srcLen, _prefix, _prefixLen, size) => tf.tensor2d(rows(src, srcLen, size).map(next)),
    logits: (src, srcLen, tgtIn, tgtLen, size, srcOf) => {
      const s = rows(src, srcLen, src.length / srcLen);
      const t = rows(tgtIn, tgtLen, size);
      return tf.tensor3d(t.map((tb, b) => tb.map((_, k) => at(s[srcOf ? srcOf[b] : b], tb.slice(0, k + 1)))));
    },
  };
}

/** The user and item indices named in a prompt row. */
function parse(data: P5Data, src: number[]): { user: number; items: number[] } {
  const { userBase, itemBase } = data.vocab;
  return {
    user: src.find((t) => t >= userBase && t < itemBase)! - userBase,
    items: src.filter((t) => t >= itemBase).map((t) => t - itemBase),
  };
}

function handExample(data: P5Data, family: P5Example['family'], user: number, item: number, answer: P5Example['answer']): P5Example {
  return {
    family,
    templateId: 'hand',
    user,
    prompt: Int32Array.of(1, data.vocab.userBase + user, data.vocab.itemBase + item),
    target: Int32Array.of(2),
    answer,
  };
}

describe('P5 evaluation with hand-chosen logits', () => {
  const data = buildP5Data(dataset, { idMode: 'atomic', seed: 1 });
  const V = data.vocab.size;
  const itemScores: Record<number, Record<number, number>> = {
    // Item 0 (seen) would win but is excluded; 5 and 6 beat the answer 4 → rank 3.
    0: { 0: 100, 5: 3, 6: 2, 4: 1 },
    // Item 5 (seen) excluded; six pool items beat the answer 7 → rank 7.
    1: { 5: 100, 0: 5, 1: 5, 2: 5, 3: 5, 4: 5, 8: 5, 7: 1 },
    // Item 8 (seen) excluded; the answer 11 is first.
    2: { 8: 100, 11: 10 },
  };
  const model = stub(V, (src) => {
    const z = new Array(V).fill(0);
    for (const [i, s] of Object.entries(itemScores[parse(data, src).user])) z[data.vocab.itemBase + Number(i)] = s;
    return z;
  });

  it('ranks the full catalogue minus seen items for sequential prompts (atomic ids)', async () => {
    const exs = evaluationExamples(data, dataset, 'test', templatesOf('sequential', 'seen')[0]);
    expect(exs.map((e) => e.user)).toEqual([0, 1, 2]);
    const before = tf.memory().numTensors;
    const s = await evaluateRanking(model, data, exs, 'test', { chunk: 2 });
    expect(tf.memory().numTensors).toBe(before);
    expect(s.users).toBe(3);
    expect(s.hr5).toBeCloseTo(2 / 3, 6);
    expect(s.hr10).toBeCloseTo(1, 6);
    expect(s.ndcg5).toBeCloseTo((1 / Math.log2(4) + 0 + 1) / 3, 6);
    expect(s.ndcg10).toBeCloseTo((1 / Math.log2(4) + 1 / Math.log2(8) + 1) / 3, 6);
    const capped = await evaluateRanking(model, data, exs, 'test', { maxUsers: 1 });
    expect(capped).toMatchObject({ users: 1, hr5: 1, ndcg5: 0.5 });
  });

  it('ranks by training counts for the popularity reference, ties by the lower item index', () => {
    const exs = evaluationExamples(data, dataset, 'test', templatesOf('sequential', 'seen')[0]);
    // Training counts: items 0, 1, 2, 5, 8, 9 once, the rest never. u0 (history 0–3): 5, 8, 9, then 4 — rank 4.
    // u1 (history 5, 6): 0, 1, 2, 8, 9, then 3, 4, 7 — rank 8. u2 (history 8–10): 0, 1, 2, 5, then 3, 4, 6, 7, 11 — rank 9.
    const s = evaluatePopularity(data, exs, 'test');
    expect(s.users).toBe(3);
    expect(s.hr5).toBeCloseTo(1 / 3, 6);
    expect(s.hr10).toBeCloseTo(1, 6);
    expect(s.ndcg5).toBeCloseTo(1 / Math.log2(5) / 3, 6);
    expect(s.ndcg10).toBeCloseTo((1 / Math.log2(5) + 1 / Math.log2(9) + 1 / Math.log2(10)) / 3, 6);
  });

  it('predicts the mean training rating for everyone in the mean-rating reference', () => {
    // Every rating is 3, so the mean is 3; test answers rated 1 and 5 are off by 2 each.
    const rated = datasetFromSequences(seqs, 24, [[3, 3, 3, 3, 1], [3, 3, 5], [3, 3, 3, 3]]);
    const d = buildP5Data(rated, { idMode: 'atomic', seed: 1 });
    const s = evaluateMeanRating(d, rated.ratings!, evaluationExamples(d, rated, 'test', templatesOf('rating', 'seen')[0]));
    expect(s).toEqual({ rmse: Math.sqrt((4 + 4 + 0) / 3), mae: 4 / 3, n: 3 });
  });

  it('ranks only the candidates for direct-choose prompts', async () => {
    const ex: P5Example = { ...handExample(data, 'direct-choose', 0, 0, { item: 4 }), candidates: Int32Array.of(0, 4, 5) };
    const s = await evaluateRanking(model, data, [ex], 'test');
    expect(s).toMatchObject({ users: 1, hr5: 1, hr10: 1 });
    expect(s.ndcg5).toBeCloseTo(0.5, 6); // rank 3 behind items 0 and 5
  });

  it('calls yes when the yes logit beats the no logit', async () => {
    const [yes, no] = data.vocab.encode([YES, NO]);
    const m = stub(V, (src) => {
      const z = new Array(V).fill(0);
      z[yes] = parse(data, src).items[0] % 2 === 0 ? 2 : 0;
      z[no] = 1;
      return z;
    });
    const exs = [
      handExample(data, 'direct-yesno', 0, 4, { yes: true }), // even → yes ✓
      handExample(data, 'direct-yesno', 1, 7, { yes: true }), // odd → no ✗
      handExample(data, 'direct-yesno', 1, 6, { yes: false }), // even → yes ✗
      handExample(data, 'direct-yesno', 2, 9, { yes: false }), // odd → no ✓
      handExample(data, 'direct-yesno', 2, 2, { yes: true }), // even → yes ✓
    ];
    expect(await evaluateYesNo(m, data, exs, { chunk: 2 })).toEqual({ accuracy: 0.6, n: 5 });
  });

  it('predicts the expected rating over the five rating tokens only', async () => {
    const rt = data.vocab.encode(RATING_TOKENS);
    const [yes] = data.vocab.encode([YES]);
    const m = stub(V, (src) => {
      const z = new Array(V).fill(0);
      z[yes] = 50; // mass off the rating tokens is ignored
      const item = parse(data, src).items[0];
      const w = item === 0 ? [-1e9, -1e9, -1e9, -1e9, 0] : item === 1 ? [0, -1e9, 0, -1e9, -1e9] : [0, 0, 0, 0, 0];
      w.forEach((v, k) => (z[rt[k]] = v));
      return z;
    });
    const exs = [
      handExample(data, 'rating', 0, 0, { rating: 4 }), // E = 5, error 1
      handExample(data, 'rating', 1, 1, { rating: 2 }), // E = 2, error 0
      handExample(data, 'rating', 2, 2, { rating: 1 }), // E = 3, error 2
    ];
    const s = await evaluateRating(m, data, exs);
    expect(s.n).toBe(3);
    expect(s.mae).toBeCloseTo(1, 5);
    expect(s.rmse).toBeCloseTo(Math.sqrt(5 / 3), 5);
  });
});

describe('P5 evaluation of digit ids', () => {
  const data = buildP5Data(dataset, { idMode: 'random', seed: 2 });
  const V = data.vocab.size;
  const [one] = data.vocab.encode(['1']);
  // Logit 5 on the digit "1" at every position, 0 elsewhere: log P(token) = 5·[token = "1"] − Z.
  const Z = Math.log(Math.exp(5) + V - 1);
  const model = stub(
    V,
    () => new Array(V).fill(0),
    () => {
      const z = new Array(V).fill(0);
      z[one] = 5;
      return z;
    },
  );
  const itemWithId = (id: number) => data.itemIds.ids.indexOf(id);

  it('scores a target as the sum of its tokens’ log-probabilities, <eos> included and pad excluded', async () => {
    const eos = data.vocab.id(EOS);
    const p = Int32Array.of(1, data.vocab.userBase);
    const lp = await sequenceLogProbs(
      model,
      [
        { prompt: p, target: Int32Array.from([...data.vocab.encode(['1', '1']), eos]) },
        { prompt: p, target: Int32Array.from([...data.vocab.encode(['2']), eos]) },
      ],
      { rowsPerPass: 1 },
    );
    expect(lp[0]).toBeCloseTo(10 - 3 * Z, 4);
    expect(lp[1]).toBeCloseTo(-2 * Z, 4);
  });

  it('ranks direct-choose candidates by sequence likelihood', async () => {
    // ids "1" (5 − 2Z) > "11" (10 − 3Z) > "2" (−2Z) > "21" (5 − 3Z): the answer "11" is second.
    const candidates = Int32Array.from([21, 2, 11, 1].map(itemWithId));
    expect(Array.from(candidates).every((i) => i >= 0)).toBe(true);
    const ex: P5Example = { ...handExample(data, 'direct-choose', 0, 0, { item: itemWithId(11) }), candidates };
    const before = tf.memory().numTensors;
    const s = await evaluateRanking(model, data, [ex], 'test', { rowsPerPass: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(s).toMatchObject({ users: 1, hr5: 1, hr10: 1 });
    expect(s.ndcg5).toBeCloseTo(1 / Math.log2(3), 6);
  });
});

describe('P5 evaluation of a real transformer', () => {
  it('trains a few steps and gives finite scores without leaking tensors', async () => {
    const ds = disjointDataset();
    for (const idMode of ['atomic', 'random'] as const) {
      const data = buildP5Data(ds, { idMode, seed: 3 });
      const model = createP5Transformer({ vocabSize: data.vocab.size, dim: 16, heads: 2, encoderLayers: 1, decoderLayers: 1, maxLen: 32, learningRate: 3e-3 }, new Rng(4));
      const train = data.train.filter((e) => e.family !== 'direct-choose');
      const order = epochOrder(train.length, new Rng(5));
      for (let k = 0; k < 6; k++) {
        const batch = toBatch(Array.from(order.subarray(k * 16, (k + 1) * 16), (i) => train[i]));
        const loss = model.trainStep(batch);
        expect(Number.isFinite((await loss.data())[0])).toBe(true);
        loss.dispose();
      }
      const before = tf.memory().numTensors;
      const seq = await evaluateRanking(model, data, evaluationExamples(data, ds, 'test', templatesOf('sequential', 'heldOut')[0]), 'test', { maxUsers: idMode === 'atomic' ? 20 : 2 });
      const yn = await evaluateYesNo(model, data, evaluationExamples(data, ds, 'test', templatesOf('direct-yesno', 'seen')[0]));
      expect(tf.memory().numTensors).toBe(before);
      expect(seq.users).toBe(idMode === 'atomic' ? 20 : 2);
      for (const v of [seq.hr5, seq.hr10, seq.ndcg5, seq.ndcg10, yn.accuracy]) expect(v >= 0 && v <= 1).toBe(true);
      expect(yn.n).toBe(40);
      model.dispose();
    }
  });
});
