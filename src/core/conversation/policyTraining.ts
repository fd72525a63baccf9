// The learned conversational policies' (unified and separated) learner — ε-greedy play, replay, double DQN, one
// training conversation per call, for the lab's training loop — and their greedy choice.
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../random/rng';
import { createDoubleDqn, linearEpsilon, type DoubleDqn, type TdLoss } from '../rl/doubleDqn';
import { qValuesJs, type DuelingQDims } from '../rl/duelingQ';
import type { ModelWeights } from '../models/model';
import { ReplayBuffer, emptyBatch, type Transition } from '../rl/replay';
import { candidateActions, DEFAULT_ENVIRONMENT, startConversation, step, type ConversationAction, type EnvironmentOptions, type StepResult } from './environment';
import type { Episode } from './episodes';
import { encodeState, stateDim, turnView, type TurnView } from './policyFeatures';
import type { ConversationPolicy, PolicyContext } from './rules';
import type { Scorer } from './scorer';

/**
 * How a learned policy's action space is built: what a state's candidate actions are (as feature rows for the
 * Q-network) and what choosing one of them does. The unified policy and the separated baseline differ only here.
 */
export interface ActionDesign {
  readonly name: string;
  /** Length of one candidate action's feature row, for embedding size d. */
  actionDim(d: number): number;
  /** The most candidates a state can offer. */
  maxCandidates(options: EnvironmentOptions): number;
  /** The turn's candidate actions, K × actionDim row-major, 1 ≤ K ≤ maxCandidates. */
  candidates(view: TurnView): Float32Array;
  /** The environment action for candidate `index`, given the Q-values of all candidates (in `candidates` order). */
  toAction(view: TurnView, index: number, q: Float64Array): ConversationAction;
  /** The candidate the test-time override recommends with (the best "recommend" by Q), or −1 if none. */
  recommendIndex(view: TurnView, q: Float64Array): number;
  /** What each candidate action is, in `candidates` order (for replays): an attribute to ask, an item, or a bare switch. */
  describe(view: TurnView): OfferedAction[];
}

/** One candidate action as a person reads it: ask `attribute`, recommend with `item` first, or the bare switch. */
export interface OfferedAction {
  kind: 'ask' | 'recommend';
  attribute?: number;
  item?: number;
}

/** A greedy choice and why: the Q-values of every candidate, the index taken, and whether the override forced it. */
export interface GreedyChoice {
  action: ConversationAction;
  q: Float64Array;
  index: number;
  overridden: boolean;
  /** What each candidate is, when asked for (replays): not built on the evaluation's hot path. */
  offered?: OfferedAction[];
}

export interface PolicyTrainingOptions {
  /** Width of each dueling stream's hidden layer. */
  hidden: number;
  batchSize: number;
  learningRate: number;
  gamma: number;
  tau: number;
  loss: TdLoss;
  bufferCapacity: number;
  /** Transitions stored before the first train step; then one step per agent action. */
  warmup: number;
  /** ε decays linearly from `epsilonStart` to `epsilonEnd` over `epsilonSteps` agent actions. */
  epsilonStart: number;
  epsilonEnd: number;
  epsilonSteps: number;
  environment: EnvironmentOptions;
  seed: number;
}

/**
 * Defaults: UNICORN's γ = 0.999 and τ = 0.01; lr 1e-3 rather than its 1e-4 because runs here last thousands of
 * episodes, not its many epochs; batch 64 rather than 128 for speed on wasm.
 */
export const DEFAULT_POLICY_TRAINING: PolicyTrainingOptions = {
  hidden: 64,
  batchSize: 64,
  learningRate: 1e-3,
  gamma: 0.999,
  tau: 0.01,
  loss: 'huber',
  // ~7 kB per transition at d = 32 (20 padded candidate rows): 5,000 keep the buffer near 35 MB in a browser tab.
  bufferCapacity: 5000,
  warmup: 256,
  epsilonStart: 1,
  epsilonEnd: 0.05,
  epsilonSteps: 4000,
  environment: DEFAULT_ENVIRONMENT,
  seed: 1,
};

/** What a learner plays on: the scorer and the training episodes (drawn uniformly, with replacement, per call). */
export interface PolicyTrainingData {
  scorer: Scorer;
  train: readonly Episode[];
}

/** Sees each transition as it is stored, with the environment's step result and the episode (for tests and inspection). */
export type TransitionObserver = (t: Transition, step: StepResult, episode: Episode) => void;

/** Index of the largest q among rows [from, to) (first on ties), −1 if empty. */
export function argMaxRange(q: ArrayLike<number>, from: number, to: number): number {
  let best = -1;
  for (let k = from; k < to; k++) if (best < 0 || q[k] > q[best]) best = k;
  return best;
}

/** Does the override recommend now: ≤ listSize candidates, or the agent's last action? */
export function overrideApplies(view: TurnView): boolean {
  return view.state.candidates.length <= view.options.listSize || view.state.turn + 1 >= view.options.maxTurn;
}

/** The greedy choice of a design and a set of weights at a turn, in plain JS (no tensors), with its Q-values (and, with `describe`, what each candidate is). */
export function greedyChoice(design: ActionDesign, dims: DuelingQDims, weights: ModelWeights, override: boolean, ctx: PolicyContext, describe = false): GreedyChoice {
  const view = turnView(ctx.scorer, ctx.user, ctx.state, ctx.actions, ctx.options);
  const q = qValuesJs(dims, weights, encodeState(view), design.candidates(view));
  let index = argMaxRange(q, 0, q.length);
  let overridden = false;
  if (override && overrideApplies(view)) {
    const r = design.recommendIndex(view, q);
    if (r >= 0) {
      overridden = r !== index;
      index = r;
    }
  }
  return { action: design.toAction(view, index, q), q, index, overridden, ...(describe ? { offered: design.describe(view) } : {}) };
}

/** The greedy policy of a design and a set of weights, in plain JS (no tensors): usable by `runEpisodes`. */
export function greedyPolicy(design: ActionDesign, dims: DuelingQDims, weights: ModelWeights, override: boolean): ConversationPolicy {
  return (ctx) => greedyChoice(design, dims, weights, override, ctx).action;
}

/** What one training episode left: its TD losses (one scalar, still on the device; null before warmup), return, success. */
export interface PlayedEpisode {
  loss: tf.Scalar | null;
  return: number;
  success: boolean;
  actions: number;
}

/**
 * A design's double DQN learning by playing training episodes against the simulated user, one episode per call:
 * each agent action is ε-greedy (`linearEpsilon` over agent actions), its transition (s, candidates, a, r, done, s′,
 * candidates′) goes into the replay buffer — at `done` s′ is zeros and offers no candidates, so nothing is
 * bootstrapped (the user's quit at turn 15 is terminal, as in the official code) — and once `warmup` transitions
 * are stored, one batch is trained per action. The episode's TD losses stay on the device as their mean.
 */
export interface PolicyLearner {
  readonly design: ActionDesign;
  readonly dims: DuelingQDims;
  readonly agent: DoubleDqn;
  /** Agent actions taken so far (= transitions stored). */
  readonly actions: number;
  /** The current ε. */
  epsilon(): number;
  playEpisode(onTransition?: TransitionObserver): Promise<PlayedEpisode>;
  /** The greedy policy of the online network's current weights (read back once). */
  greedy(override: boolean): Promise<{ weights: ModelWeights; policy: ConversationPolicy }>;
  dispose(): void;
}

export function createPolicyLearner(design: ActionDesign, data: PolicyTrainingData, options: Partial<PolicyTrainingOptions> = {}): PolicyLearner {
  const o: PolicyTrainingOptions = { ...DEFAULT_POLICY_TRAINING, ...options };
  if (data.train.length === 0) throw new RangeError('policy training: no training episodes');
  const { scorer } = data;
  const env = o.environment;
  const d = scorer.embeddings.dim;
  const shape = { stateDim: stateDim(d), actionDim: design.actionDim(d), maxCandidates: design.maxCandidates(env) };
  const root = new Rng(o.seed);
  const agent = createDoubleDqn({ ...shape, hidden: o.hidden, rng: root.fork('init'), gamma: o.gamma, tau: o.tau, learningRate: o.learningRate, loss: o.loss });
  const explore = root.fork('explore');
  const draw = root.fork('episodes');
  const replayRng = root.fork('replay');
  const buffer = new ReplayBuffer(shape, o.bufferCapacity);
  const batch = emptyBatch(shape, o.batchSize);
  const dims: DuelingQDims = { stateDim: shape.stateDim, actionDim: shape.actionDim, hidden: o.hidden };
  const schedule = { start: o.epsilonStart, end: o.epsilonEnd, steps: o.epsilonSteps };
  let actions = 0;

  const playEpisode = async (onTransition?: TransitionObserver): Promise<PlayedEpisode> => {
    const episode = data.train[draw.int(data.train.length)];
    let state = startConversation(scorer.table, episode);
    let view = turnView(scorer, episode.user, state, candidateActions(scorer, episode, state, env), env);
    let s = encodeState(view);
    let c = design.candidates(view);
    let total = 0;
    let success = false;
    const losses: tf.Scalar[] = [];
    try {
      for (;;) {
        const { action: index, q } = await agent.act(s, c, linearEpsilon(actions, schedule), explore);
        const r = step(scorer.table, episode, state, design.toAction(view, index, q), env);
        actions++;
        total += r.reward;
        let s2: Float32Array;
        let c2: Float32Array;
        if (r.done) {
          s2 = new Float32Array(shape.stateDim);
          c2 = new Float32Array(0);
        } else {
          state = r.state;
          view = turnView(scorer, episode.user, state, candidateActions(scorer, episode, state, env), env);
          s2 = encodeState(view);
          c2 = design.candidates(view);
        }
        const transition: Transition = { state: s, candidates: c, action: index, reward: r.reward, done: r.done, nextState: s2, nextCandidates: c2 };
        buffer.push(transition);
        onTransition?.(transition, r, episode);
        if (buffer.size >= o.warmup) losses.push(agent.train(buffer.sample(o.batchSize, replayRng, batch)));
        if (r.done) {
          success = r.event === 'success';
          break;
        }
        s = s2;
        c = c2;
      }
      const loss = losses.length === 0 ? null : tf.tidy(() => tf.mean(tf.stack(losses)) as tf.Scalar);
      return { loss, return: total, success, actions: actions };
    } finally {
      losses.forEach((l) => l.dispose());
    }
  };

  return {
    design,
    dims,
    agent,
    get actions() {
      return actions;
    },
    epsilon: () => linearEpsilon(actions, schedule),
    playEpisode,
    async greedy(override) {
      const weights = await agent.online.snapshot();
      return { weights, policy: greedyPolicy(design, dims, weights, override) };
    },
    dispose: () => agent.dispose(),
  };
}
