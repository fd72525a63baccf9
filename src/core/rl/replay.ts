// A uniform experience-replay buffer for Q-learning over variable candidate-action sets, in flat typed arrays.
import type { Rng } from '../random/rng';

/** Sizes every transition of a buffer (and every batch it yields) shares. */
export interface TransitionShape {
  /** S: length of a state vector. */
  stateDim: number;
  /** A: length of one candidate action's feature vector. */
  actionDim: number;
  /** Kmax: the most candidate actions a state may offer; fewer are padded and masked. */
  maxCandidates: number;
}

/**
 * One step of experience (s, a, r, s', done). The candidate sets travel with the states, because the actions on
 * offer differ from state to state: `candidates` is K × A row-major (K = candidates.length / A, 1 ≤ K ≤ Kmax) and
 * `action` indexes its rows. `nextCandidates` (K' × A, 0 ≤ K' ≤ Kmax) is what s' offers; a terminal s' may offer none.
 */
export interface Transition {
  state: Float32Array;
  candidates: Float32Array;
  action: number;
  reward: number;
  /** True when s' ends the episode (no bootstrap from it); a time-limit cut is not `done`. */
  done: boolean;
  nextState: Float32Array;
  nextCandidates: Float32Array;
}

/**
 * A batch of B transitions, padded to Kmax candidates, as flat row-major arrays ready for tensors.
 * mask[b·Kmax + k] = 1 when candidate k of row b is real, 0 for padding (whose features are 0).
 */
export interface ReplayBatch extends TransitionShape {
  size: number;
  states: Float32Array; // B × S
  candidates: Float32Array; // B × Kmax × A
  mask: Float32Array; // B × Kmax
  actions: Int32Array; // B
  rewards: Float32Array; // B
  dones: Float32Array; // B, 1 = terminal
  nextStates: Float32Array; // B × S
  nextCandidates: Float32Array; // B × Kmax × A
  nextMask: Float32Array; // B × Kmax
}

/**
 * Bytes one stored transition takes: 4·(2S + 2·Kmax·A + 2·Kmax + 3) — two states, two padded candidate sets, their
 * masks, and action, reward, done. The masks are stored rather than counts so that sampling is plain block copies.
 */
export function bytesPerTransition(shape: TransitionShape): number {
  const { stateDim: S, actionDim: A, maxCandidates: K } = shape;
  return 4 * (2 * S + 2 * K * A + 2 * K + 3);
}

function checkShape(s: TransitionShape): void {
  for (const key of ['stateDim', 'actionDim', 'maxCandidates'] as const) {
    const v = s[key];
    if (!(Number.isInteger(v) && v >= 1)) throw new RangeError(`replay: ${key} must be a whole number ≥ 1, got ${v}`);
  }
}

/** An empty batch of `size` rows (all padding) of this shape. */
export function emptyBatch(shape: TransitionShape, size: number): ReplayBatch {
  const { stateDim: S, actionDim: A, maxCandidates: K } = shape;
  return {
    ...shape,
    size,
    states: new Float32Array(size * S),
    candidates: new Float32Array(size * K * A),
    mask: new Float32Array(size * K),
    actions: new Int32Array(size),
    rewards: new Float32Array(size),
    dones: new Float32Array(size),
    nextStates: new Float32Array(size * S),
    nextCandidates: new Float32Array(size * K * A),
    nextMask: new Float32Array(size * K),
  };
}

/** Number of candidate rows in a K × A array, checked against Kmax (`min` is 1 for s, 0 for s'). */
function candidateCount(c: Float32Array, shape: TransitionShape, min: number, what: string): number {
  const k = c.length / shape.actionDim;
  if (!Number.isInteger(k) || k < min || k > shape.maxCandidates) {
    throw new RangeError(`replay: ${what} must be K × ${shape.actionDim} with ${min} ≤ K ≤ ${shape.maxCandidates}, got ${c.length} numbers`);
  }
  return k;
}

/**
 * Writes `t` into row `row` of `batch` (padding its candidate sets with zeros and mask 0). Used by the buffer and
 * by tests that build batches by hand.
 */
export function writeTransition(batch: ReplayBatch, row: number, t: Transition): void {
  const { stateDim: S, actionDim: A, maxCandidates: K } = batch;
  if (t.state.length !== S || t.nextState.length !== S) throw new RangeError(`replay: states must have ${S} numbers`);
  const k = candidateCount(t.candidates, batch, 1, 'candidates');
  const k2 = candidateCount(t.nextCandidates, batch, 0, 'nextCandidates');
  if (!(Number.isInteger(t.action) && t.action >= 0 && t.action < k)) throw new RangeError(`replay: action ${t.action} is not one of the ${k} candidates`);
  batch.states.set(t.state, row * S);
  batch.nextStates.set(t.nextState, row * S);
  const c = batch.candidates.subarray(row * K * A, (row + 1) * K * A);
  c.fill(0);
  c.set(t.candidates);
  const c2 = batch.nextCandidates.subarray(row * K * A, (row + 1) * K * A);
  c2.fill(0);
  c2.set(t.nextCandidates);
  for (let j = 0; j < K; j++) {
    batch.mask[row * K + j] = j < k ? 1 : 0;
    batch.nextMask[row * K + j] = j < k2 ? 1 : 0;
  }
  batch.actions[row] = t.action;
  batch.rewards[row] = t.reward;
  batch.dones[row] = t.done ? 1 : 0;
}

/** A batch holding exactly `ts`, in order. */
export function batchOf(shape: TransitionShape, ts: readonly Transition[]): ReplayBatch {
  const b = emptyBatch(shape, ts.length);
  ts.forEach((t, i) => writeTransition(b, i, t));
  return b;
}

/**
 * A ring of the last `capacity` transitions, stored padded to Kmax in preallocated Float32Arrays (see
 * {@link bytesPerTransition}: ~20 kB at S = A = 64, Kmax = 20, so 10,000 transitions ≈ 200 MB — size the capacity
 * to the lab). `sample` draws B rows uniformly with replacement from the seeded Rng (one `int` draw per row), so a
 * seed fixes the batches.
 */
export class ReplayBuffer {
  readonly shape: TransitionShape;
  readonly capacity: number;
  private readonly store: ReplayBatch;
  private next = 0;
  private count = 0;
  private pushes = 0;

  constructor(shape: TransitionShape, capacity: number) {
    checkShape(shape);
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`replay: capacity must be a whole number ≥ 1, got ${capacity}`);
    this.shape = { stateDim: shape.stateDim, actionDim: shape.actionDim, maxCandidates: shape.maxCandidates };
    this.capacity = capacity;
    this.store = emptyBatch(this.shape, capacity);
  }

  /** Transitions held now (≤ capacity). */
  get size(): number {
    return this.count;
  }

  /** Transitions ever pushed (the oldest are overwritten once this passes the capacity). */
  get totalPushed(): number {
    return this.pushes;
  }

  /** Stores `t` (copied), overwriting the oldest once full. */
  push(t: Transition): void {
    writeTransition(this.store, this.next, t);
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
    this.pushes++;
  }

  /** Row `i` (0 = oldest held) as a one-row batch — for tests and inspection. */
  at(i: number): ReplayBatch {
    if (!(Number.isInteger(i) && i >= 0 && i < this.count)) throw new RangeError(`replay: no transition ${i} among ${this.count}`);
    const out = emptyBatch(this.shape, 1);
    this.copyRow((this.next - this.count + i + this.capacity) % this.capacity, out, 0);
    return out;
  }

  /**
   * B transitions drawn uniformly with replacement. Fills `into` when given (a batch of this shape and size B),
   * so a training loop can reuse one batch's arrays.
   */
  sample(batchSize: number, rng: Rng, into?: ReplayBatch): ReplayBatch {
    if (this.count === 0) throw new RangeError('replay: cannot sample from an empty buffer');
    const out = into ?? emptyBatch(this.shape, batchSize);
    if (out.size !== batchSize) throw new RangeError(`replay: the batch to fill holds ${out.size} rows, not ${batchSize}`);
    for (let b = 0; b < batchSize; b++) {
      // Row index among the held ones; held rows are 0..count−1 of the store (the ring fills from 0).
      this.copyRow(rng.int(this.count), out, b);
    }
    return out;
  }

  private copyRow(src: number, out: ReplayBatch, dst: number): void {
    const { stateDim: S, actionDim: A, maxCandidates: K } = this.shape;
    const st = this.store;
    const KA = K * A;
    out.states.set(st.states.subarray(src * S, (src + 1) * S), dst * S);
    out.nextStates.set(st.nextStates.subarray(src * S, (src + 1) * S), dst * S);
    out.candidates.set(st.candidates.subarray(src * KA, (src + 1) * KA), dst * KA);
    out.nextCandidates.set(st.nextCandidates.subarray(src * KA, (src + 1) * KA), dst * KA);
    out.mask.set(st.mask.subarray(src * K, (src + 1) * K), dst * K);
    out.nextMask.set(st.nextMask.subarray(src * K, (src + 1) * K), dst * K);
    out.actions[dst] = st.actions[src];
    out.rewards[dst] = st.rewards[src];
    out.dones[dst] = st.dones[src];
  }
}
