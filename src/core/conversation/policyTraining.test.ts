// The learned conversational policies' training loop on `tiny`: transitions, no leaks, seeded determinism, a smoke run.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset } from '../data/synthetic';
import { Rng } from '../random/rng';
import type { Transition } from '../rl/replay';
import { useWasm } from '../testing/tfSetup';
import { buildAttributeTable } from './attributes';
import { candidateActions, DEFAULT_ENVIRONMENT, startConversation, step, type StepResult } from './environment';
import { buildEpisodes, splitForConversation, type Episode } from './episodes';
import { successRates } from './metrics';
import { encodeState, turnView } from './policyFeatures';
import { createPolicyLearner, greedyChoice, type GreedyChoice, type PolicyTrainingData } from './policyTraining';
import { absGreedy, runEpisodes, type ConversationPolicy } from './rules';
import { createScorer, DEFAULT_PRETRAIN, pretrainEmbeddings } from './scorer';
import { SEPARATED, trainSeparated } from './separated';
import { trainUnified, UNIFIED } from './unified';

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
  data = { scorer: createScorer(embeddings, table), train: buildEpisodes(train, table, rng.fork('train')), evaluation: testEpisodes.slice(0, 100) };
});

const SMALL = { hidden: 16, batchSize: 16, warmup: 16, evalEvery: 10, bufferCapacity: 2000 };

describe('the policy training loop', () => {
  for (const design of [UNIFIED, SEPARATED]) {
    it(`${design.name}: one episode stores the environment's transitions, chained, with nothing offered after done`, async () => {
      const seen: [Transition, StepResult][] = [];
      const episodes = new Set<Episode>();
      const res = await (design === UNIFIED ? trainUnified : trainSeparated)(data, { ...SMALL, episodes: 1, warmup: 1e9, epsilonStart: 1, epsilonEnd: 1, seed: 4 }, {
        onTransition: (t, r, e) => {
          seen.push([t, r]);
          episodes.add(e);
        },
      });
      expect(seen.length).toBeGreaterThan(0);
      expect(res.agent.steps).toBe(0); // warm-up not reached: nothing trained
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
      res.dispose();
    });
  }

  it('leaves no tensor behind and is the same for the same seed', async () => {
    const before = tf.memory().numTensors;
    const opts = { ...SMALL, episodes: 20, seed: 7 };
    const a = await trainUnified(data, opts);
    a.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const b = await trainUnified(data, opts);
    b.dispose();
    expect(a.agent.steps).toBeGreaterThan(0);
    expect(a.progress.length).toBe(2);
    expect(b.progress).toEqual(a.progress);
    expect(b.weights).toEqual(a.weights);
    const c = await trainUnified(data, { ...opts, seed: 8 });
    c.dispose();
    expect(c.weights).not.toEqual(a.weights);
  });

  it('stops at an aborted signal between episodes', async () => {
    const ctrl = new AbortController();
    const res = await trainSeparated(data, { ...SMALL, episodes: 50 }, { signal: ctrl.signal, onProgress: () => ctrl.abort() });
    res.dispose();
    expect(res.aborted).toBe(true);
    expect(res.progress.at(-1)!.episodes).toBe(10);
  });

  it('smoke on tiny: the trained unified policy succeeds by turn 15 about as often as Abs Greedy on held-out episodes', async () => {
    const res = await trainUnified(data, { episodes: 300, hidden: 32, batchSize: 32, warmup: 64, epsilonSteps: 600, evalEvery: 300, seed: 1 });
    res.dispose();
    const held = testEpisodes.slice(0, 300);
    const sr = (p: Parameters<typeof runEpisodes>[0]) => successRates(runEpisodes(p, held, data.scorer))[14];
    const learned = sr(res.policy(false));
    const greedy = sr(absGreedy);
    console.log(`tiny smoke: unified SR@15 ${learned.toFixed(3)} (override on ${sr(res.policy(true)).toFixed(3)}), abs greedy ${greedy.toFixed(3)}`);
    expect(learned).toBeGreaterThanOrEqual(greedy - 0.05);
  }, 120_000);
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
