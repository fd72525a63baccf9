// The learned conversational policies' learner on `tiny`: one training conversation's transitions, chained; seeded
// determinism; no leaks; the greedy choice. A whole run (evaluations, abort, training against the rules) is the lab's.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset } from '../data/synthetic';
import { Rng } from '../random/rng';
import type { Transition } from '../rl/replay';
import { useWasm } from '../testing/tfSetup';
import { buildAttributeTable } from './attributes';
import { candidateActions, DEFAULT_ENVIRONMENT, startConversation, step, type StepResult } from './environment';
import { buildEpisodes, splitForConversation, type Episode } from './episodes';
import { encodeState, turnView } from './policyFeatures';
import { createPolicyLearner, greedyChoice, type GreedyChoice, type PolicyTrainingData } from './policyTraining';
import { runEpisodes, type ConversationPolicy } from './rules';
import { createScorer, DEFAULT_PRETRAIN, pretrainEmbeddings } from './scorer';
import { SEPARATED } from './separated';
import { UNIFIED } from './unified';

let data: PolicyTrainingData;
let testEpisodes: Episode[];

beforeAll(async () => {
  await useWasm();
  const world = builtinDataset('tiny');
  const table = buildAttributeTable(world);
  const rng = new Rng(3);
  const { train, test } = splitForConversation(world.interactions, rng.fork('split'));
  const { embeddings } = await pretrainEmbeddings(train, table, { ...DEFAULT_PRETRAIN, dim: 16, epochs: 3 }, rng.fork('pretrain'));
  testEpisodes = buildEpisodes(test, table, rng.fork('test'));
  data = { scorer: createScorer(embeddings, table), train: buildEpisodes(train, table, rng.fork('train')) };
});

const SMALL = { hidden: 16, batchSize: 16, warmup: 16, bufferCapacity: 2000 };

/** `n` training conversations with a fresh learner: what each one returned (its loss read back), then the weights. */
async function play(seed: number, n: number) {
  const learner = createPolicyLearner(UNIFIED, data, { ...SMALL, seed });
  try {
    const played: { return: number; success: boolean; actions: number; loss: number | null }[] = [];
    for (let i = 0; i < n; i++) {
      const e = await learner.playEpisode();
      played.push({ return: e.return, success: e.success, actions: e.actions, loss: e.loss ? (await e.loss.data())[0] : null });
      e.loss?.dispose();
    }
    return { played, trainSteps: learner.agent.steps, weights: (await learner.greedy(false)).weights };
  } finally {
    learner.dispose();
  }
}

describe('the policy learner', () => {
  for (const design of [UNIFIED, SEPARATED]) {
    it(`${design.name}: one training conversation stores the environment's transitions, chained, with nothing offered after done`, async () => {
      const seen: [Transition, StepResult][] = [];
      const episodes = new Set<Episode>();
      const learner = createPolicyLearner(design, data, { ...SMALL, warmup: 1e9, epsilonStart: 1, epsilonEnd: 1, seed: 4 });
      try {
        const played = await learner.playEpisode((t, r, e) => {
          seen.push([t, r]);
          episodes.add(e);
        });
        expect(seen.length).toBeGreaterThan(0);
        // Warm-up not reached: nothing trained, no loss; the episode's return, success and actions are its transitions'.
        expect(learner.agent.steps).toBe(0);
        expect(played.loss).toBeNull();
        expect(played.actions).toBe(seen.length);
        expect(learner.actions).toBe(seen.length);
        expect(played.return).toBeCloseTo(seen.reduce((s, [t]) => s + t.reward, 0), 9);
        expect(played.success).toBe(seen[seen.length - 1][1].event === 'success');
        // Replay the episode from the outside: each stored action reproduces the environment's step.
        expect(episodes.size).toBe(1);
        const [episode] = episodes;
        const { scorer } = data;
        let state = startConversation(scorer.table, episode);
        seen.forEach(([t, r], i) => {
          const view = turnView(scorer, episode.user, state, candidateActions(scorer, episode, state, DEFAULT_ENVIRONMENT), DEFAULT_ENVIRONMENT);
          expect(t.state).toEqual(encodeState(view));
          expect(t.candidates).toEqual(design.candidates(view));
          const again = step(scorer.table, episode, state, design.toAction(view, t.action, new Float64Array(t.candidates.length / design.actionDim(16))), DEFAULT_ENVIRONMENT);
          expect(t.reward).toBeCloseTo(again.reward, 6);
          expect(t.reward).toBe(r.reward);
          expect(t.done).toBe(again.done);
          expect(t.done).toBe(i === seen.length - 1);
          if (t.done) {
            expect(t.nextCandidates.length).toBe(0);
            expect(t.nextState.every((x) => x === 0)).toBe(true);
          } else {
            expect(seen[i + 1][0].state).toEqual(t.nextState);
            expect(seen[i + 1][0].candidates).toEqual(t.nextCandidates);
          }
          state = again.state;
        });
      } finally {
        learner.dispose();
      }
    });
  }

  it('plays the same conversations to the same weights for the same seed, other weights for another, and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const a = await play(7, 20);
    expect(tf.memory().numTensors).toBe(before);
    expect(a.trainSteps).toBeGreaterThan(0);
    expect(a.played.some((e) => e.loss !== null)).toBe(true);
    const b = await play(7, 20);
    expect(b).toEqual(a);
    const c = await play(8, 20);
    expect(c.weights).not.toEqual(a.weights);
  });
});

describe('the greedy choice and the turn observer', () => {
  it('takes the largest Q-value, describes every candidate it was offered, and runEpisodes shows each turn once', async () => {
    for (const design of [UNIFIED, SEPARATED]) {
      const learner = createPolicyLearner(design, data, { ...SMALL, seed: 2 });
      try {
        const { weights } = await learner.greedy(false);
        const choices: GreedyChoice[] = [];
        const policy: ConversationPolicy = (ctx) => {
          const c = greedyChoice(design, learner.dims, weights, false, ctx, true);
          choices.push(c);
          return c.action;
        };
        const turns: number[] = [];
        const results = runEpisodes(policy, testEpisodes.slice(0, 10), data.scorer, DEFAULT_ENVIRONMENT, (i, _ctx, action, r) => {
          turns.push(i);
          expect(action).toBe(choices[choices.length - 1].action);
          expect(r.state.turn).toBeGreaterThan(_ctx.state.turn);
        });
        expect(turns).toHaveLength(results.reduce((s, r) => s + r.actions, 0));
        for (const c of choices) {
          expect(c.offered!).toHaveLength(c.q.length);
          expect(c.q[c.index]).toBe(Math.max(...c.q));
          expect(c.offered![c.index].kind).toBe(c.action.kind);
          expect(c.overridden).toBe(false);
        }
        // The separated policy offers at most ask and recommend; the unified one attributes first, then items.
        if (design === SEPARATED) expect(choices.every((c) => c.offered!.length <= 2)).toBe(true);
        else expect(choices.every((c) => c.offered!.findIndex((o) => o.kind === 'recommend') >= c.offered!.filter((o) => o.kind === 'ask').length)).toBe(true);
      } finally {
        learner.dispose();
      }
    }
  });
});
