// Double DQN: the target by hand, the loss it trains on, ε-greedy acting, no leaks, and learning a toy MDP by seed.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { useWasm } from '../testing/tfSetup';
import { CodeLock } from './codeLock';
import { batchTensors, createDoubleDqn, doubleDqnTargets, linearEpsilon, tdLoss, type DoubleDqn } from './doubleDqn';
import { createDuelingQ, qValuesJs, type DuelingQ } from './duelingQ';
import { batchOf, ReplayBuffer, type Transition } from './replay';

beforeAll(useWasm);

const f = (...x: number[]) => Float32Array.from(x);

/**
 * The hand-set network of duelingQ.test.ts (S = A = H = 2):
 *   V(s) = relu(s0) + relu(s1) + 0.5,   A(s, a) = relu(s0 + a1) − relu(a0) + 0.1.
 * `flip` negates w_a2, so A_flip(s, a) = −relu(s0 + a1) + relu(a0) + 0.1: it ranks the candidates the other way.
 */
const hand = (flip = false) => [f(1, 0, 0, 1), f(0, 0), f(1, 1), f(0.5), f(1, 0, 0, 0), f(0, 1, 1, 0), f(0, 0), flip ? f(-1, 1) : f(1, -1), f(0.1)];
const net = (weights: Float32Array[]): DuelingQ => {
  const n = createDuelingQ({ stateDim: 2, actionDim: 2, hidden: 2, rng: new Rng(1) });
  n.restore(weights);
  return n;
};

const SHAPE = { stateDim: 2, actionDim: 2, maxCandidates: 3 };
/** s′ = (1, −2) offers (1, 0), (0, 2), (3, −5): online Q = 1.5, 4.5, −1.5; target (flipped) Q = 1.5, −1.5, 4.5. */
const S1 = f(1, -2);
const C1 = f(1, 0, 0, 2, 3, -5);
/** s′ = (−1, 3) offers one candidate: Q = V = 3.5 in both networks. */
const S2 = f(-1, 3);
const C2 = f(0, 0.5);
const step = (nextState: Float32Array, nextCandidates: Float32Array, reward: number, done: boolean): Transition => ({
  state: S1,
  candidates: C1,
  action: 0,
  reward,
  done,
  nextState,
  nextCandidates,
});
const BATCH = batchOf(SHAPE, [step(S1, C1, 0.2, false), step(S2, C2, -0.3, true), step(S2, new Float32Array(0), 1, false), step(S2, C2, 0.5, false)]);

describe('the double-DQN target', () => {
  it('lets the online network choose a* and the target network value it, by hand on two next states', async () => {
    const online = net(hand());
    const target = net(hand(true));
    const y = tf.tidy(() => doubleDqnTargets(online, target, batchTensors(BATCH), 0.9));
    const got = Array.from(await y.data());
    y.dispose();
    // Row 1: online picks (0, 2) (Q 4.5); the target values it at −1.5, not at its own max 4.5: 0.2 + 0.9·(−1.5).
    expect(got[0]).toBeCloseTo(-1.15, 5);
    // Row 2: terminal, y = r. Row 3: s′ offers nothing, y = r. Row 4: one candidate, 0.5 + 0.9·3.5.
    expect(got[1]).toBeCloseTo(-0.3, 6);
    expect(got[2]).toBeCloseTo(1, 6);
    expect(got[3]).toBeCloseTo(3.65, 5);
    online.dispose();
    target.dispose();
  });

  it('is what train() regresses on: the returned loss is the mean Huber loss of Q(s, a) − y before the step', async () => {
    const agent = createDoubleDqn({ ...SHAPE, hidden: 2, rng: new Rng(1), gamma: 0.9, learningRate: 1e-3 });
    agent.online.restore(hand());
    agent.target.restore(hand(true));
    // Q(s, a) for every row is Q(S1, (1, 0)) = 1.5; the targets are −1.15, −0.3, 1, 3.65.
    const q = qValuesJs(agent.online, hand(), S1, C1)[0];
    expect(q).toBeCloseTo(1.5, 6);
    const huber = (d: number) => (Math.abs(d) <= 1 ? 0.5 * d * d : Math.abs(d) - 0.5);
    const expected = [-1.15, -0.3, 1, 3.65].reduce((s, y) => s + huber(q - y), 0) / 4;
    const loss = agent.train(BATCH);
    expect((await loss.data())[0]).toBeCloseTo(expected, 5);
    loss.dispose();
    // The step moved the online weights, and the target by τ = 1% of the gap.
    const [on, tg] = [await agent.online.snapshot(), await agent.target.snapshot()];
    expect(on[0]).not.toEqual(hand()[0]);
    expect(tg[7][0]).toBeCloseTo(0.99 * -1 + 0.01 * on[7][0], 6);
    agent.dispose();
  });

  it('has Huber and MSE losses that agree for small errors and differ for large ones', async () => {
    const read = async (k: 'huber' | 'mse') => {
      const t = tf.tidy(() => tdLoss(tf.tensor1d([0.5, -3]), k));
      const v = (await t.data())[0];
      t.dispose();
      return v;
    };
    expect(await read('huber')).toBeCloseTo((0.125 + 2.5) / 2, 6);
    expect(await read('mse')).toBeCloseTo((0.25 + 9) / 2, 6);
  });
});

describe('acting', () => {
  it('is greedy at ε = 0 (the argmax of the Q it returns, equal to the tfjs forward pass) and uniform at ε = 1', async () => {
    const agent = createDoubleDqn({ ...SHAPE, hidden: 2, rng: new Rng(1) });
    agent.online.restore(hand());
    const greedy = await agent.act(S1, C1, 0, new Rng(3));
    expect(greedy.action).toBe(1);
    expect(greedy.explored).toBe(false);
    [1.5, 4.5, -1.5].forEach((x, k) => expect(greedy.q[k]).toBeCloseTo(x, 5));
    const rng = new Rng(4);
    const counts = [0, 0, 0];
    for (let i = 0; i < 600; i++) counts[(await agent.act(S1, C1, 1, rng)).action]++;
    counts.forEach((c) => expect(c).toBeGreaterThan(150));
    await expect(agent.act(S1, new Float32Array(8), 0, rng)).rejects.toThrow(/1 ≤ K ≤ 3/);
    agent.dispose();
  });

  it('sees the weights a train step changed (the JS copy is refreshed)', async () => {
    const agent = createDoubleDqn({ ...SHAPE, hidden: 2, rng: new Rng(1), learningRate: 0.05 });
    agent.online.restore(hand());
    const before = (await agent.act(S1, C1, 0, new Rng(1))).q;
    agent.train(BATCH).dispose();
    const after = (await agent.act(S1, C1, 0, new Rng(1))).q;
    expect(after[0]).not.toBeCloseTo(before[0], 4);
    agent.dispose();
  });

  it('decays ε linearly from start to end, then holds it', () => {
    expect(linearEpsilon(0, { steps: 100 })).toBe(1);
    expect(linearEpsilon(50, { steps: 100, start: 1, end: 0.1 })).toBeCloseTo(0.55, 10);
    expect(linearEpsilon(500, { steps: 100, end: 0.1 })).toBe(0.1);
  });
});

/**
 * Runs an ε-greedy learner on a CodeLock for `steps` turns (episodes cut at 12 turns), training on a batch of 32
 * every turn once the buffer holds one. Test-friendly settings (lr 1e-3, γ 0.9, τ 0.05) rather than UNICORN's
 * (1e-4, 0.999, 0.01), so that a few thousand steps suffice.
 */
async function trainOnLock(seed: number, steps: number): Promise<{ agent: DoubleDqn; losses: Float32Array }> {
  const rng = new Rng(seed);
  const env = new CodeLock(rng.fork('env'));
  const shape = { stateDim: env.stateDim, actionDim: env.actionDim, maxCandidates: env.codes };
  const agent = createDoubleDqn({ ...shape, hidden: 32, rng: rng.fork('init'), learningRate: 1e-3, gamma: 0.9, tau: 0.05 });
  const buffer = new ReplayBuffer(shape, 5000);
  const [actRng, sampleRng] = [rng.fork('act'), rng.fork('sample')];
  const batch = 32;
  const losses: tf.Scalar[] = [];
  let turn = 0;
  for (let i = 0; i < steps; i++) {
    const [state, candidates] = [env.state(), env.candidates()];
    const { action } = await agent.act(state, candidates, linearEpsilon(i, { steps: steps / 2, end: 0.1 }), actRng);
    const { reward, done } = env.step(action);
    buffer.push({ state, candidates, action, reward, done, nextState: env.state(), nextCandidates: env.candidates() });
    if (done || ++turn === 12) {
      env.reset();
      turn = 0;
    }
    if (buffer.size >= batch) losses.push(agent.train(buffer.sample(batch, sampleRng)));
  }
  const all = tf.stack(losses);
  const out = (await all.data()) as Float32Array;
  tf.dispose([all, ...losses]);
  return { agent, losses: out };
}

/** Share of 200 episodes (12 turns at most) that open the lock, choosing with `choose`. */
async function successRate(choose: (env: CodeLock) => Promise<number>): Promise<number> {
  const env = new CodeLock(new Rng(77));
  let wins = 0;
  for (let e = 0; e < 200; e++) {
    env.reset();
    for (let t = 0; t < 12; t++) {
      if (env.step(await choose(env)).done) {
        wins++;
        break;
      }
    }
  }
  return wins / 200;
}

describe('learning', () => {
  it('opens a code lock (state-dependent right action, changing candidate sets, reward only at the end) far more often than chance', async () => {
    const { agent } = await trainOnLock(1, 2000);
    const rnd = new Rng(9);
    const random = await successRate(async (env) => rnd.int(env.offered.length));
    const greedy = await successRate(async (env) => (await agent.act(env.state(), env.candidates(), 0, rnd)).action);
    expect(random).toBeLessThan(0.25);
    expect(greedy).toBeGreaterThan(random + 0.5);
    agent.dispose();
  });

  it('is deterministic for a seed: the same losses and weights twice, other ones for another seed', async () => {
    const a = await trainOnLock(2, 150);
    const b = await trainOnLock(2, 150);
    const c = await trainOnLock(3, 150);
    expect(a.losses).toEqual(b.losses);
    expect(await a.agent.online.snapshot()).toEqual(await b.agent.online.snapshot());
    expect(a.losses).not.toEqual(c.losses);
    [a, b, c].forEach((r) => r.agent.dispose());
  });

  it('leaks no tensors over many act and train calls, and frees everything on dispose', async () => {
    const before = tf.memory().numTensors;
    const agent = createDoubleDqn({ ...SHAPE, hidden: 8, rng: new Rng(1), gradClipNorm: 1 });
    const buffer = new ReplayBuffer(SHAPE, 50);
    buffer.push(step(S1, C1, 0.2, false));
    buffer.push(step(S2, C2, -0.3, true));
    agent.train(buffer.sample(16, new Rng(1))).dispose(); // Adam creates its moment variables on the first step
    await agent.act(S1, C1, 0.5, new Rng(1));
    const during = tf.memory().numTensors;
    const rng = new Rng(2);
    for (let i = 0; i < 50; i++) {
      await agent.act(i % 2 ? S1 : S2, i % 2 ? C1 : C2, 0.3, rng);
      agent.train(buffer.sample(16, rng)).dispose();
    }
    expect(tf.memory().numTensors).toBe(during);
    agent.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
