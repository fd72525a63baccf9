// State and action features of the learned conversational policies, in plain JS from the pretrained embeddings.
import type { CandidateActions, ConversationState, EnvironmentOptions } from './environment';
import type { Scorer } from './scorer';

/** Scalars at the end of the state vector. */
export const STATE_SCALARS = 5;
/** Numbers after the embedding in an action's feature row: type one-hot (2), value, rank / list size. */
export const ACTION_EXTRAS = 4;

/** State length for embedding size d: 4d + 5. */
export const stateDim = (d: number): number => 4 * d + STATE_SCALARS;
/** Unified action-row length for embedding size d: d + 4. */
export const unifiedActionDim = (d: number): number => d + ACTION_EXTRAS;

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Adds `scale · row r of table` into out[at … at+d). */
function addRow(out: Float32Array, at: number, table: Float32Array, r: number, d: number, scale: number): void {
  const o = r * d;
  for (let k = 0; k < d; k++) out[at + k] += scale * table[o + k];
}

/** What the features of one turn read; built once per turn and shared by the state and action encoders. */
export interface TurnView {
  scorer: Scorer;
  user: number;
  state: ConversationState;
  actions: CandidateActions;
  options: EnvironmentOptions;
  /** Weighted entropy of every attribute over the candidates (science.md §2): the turn's `actions.entropies`. */
  entropies: Float64Array;
}

/** A turn's view (the weighted entropies are the ones `candidateActions` computed for the turn). */
export function turnView(scorer: Scorer, user: number, state: ConversationState, actions: CandidateActions, options: EnvironmentOptions): TurnView {
  return { scorer, user, state, actions, options, entropies: actions.entropies };
}

/**
 * The state vector (length 4d + 5), a fixed, untrained, mean-pooled one-layer aggregation over UNICORN's graph
 * (user, accepted attributes, candidate items, reachable attributes) instead of its trained GCN + Transformer:
 *
 *   s = [ e_u ;
 *         mean_{p ∈ P⁺} e_p                                   (accepted attributes, the opening included) ;
 *         Σ_{v ∈ cand} σ(s_v) e_v / Σ_{v ∈ cand} σ(s_v)       (candidate items, weighted as the entropy weights them) ;
 *         mean_{p ∈ top attributes} e_p                       (the attribute half of the action space) ;
 *         (turn − 1)/(maxTurn − 1),  log(1+|cand|)/log(1+|items|),  max_p H(p) over the offered attributes,
 *         tanh(s₍₁₎ − s₍₂₎) (margin of the top-1 item score over the second),  asks / (turn − 1) ]
 *
 * where s_v is the official item score and H the weighted entropy. An empty set pools to zeros, a missing second
 * item gives margin tanh of nothing (0), and the share asked is 0 before the first action.
 */
export function encodeState(view: TurnView): Float32Array {
  const { scorer, user, state, actions, options } = view;
  const e = scorer.embeddings;
  const d = e.dim;
  const out = new Float32Array(stateDim(d));
  addRow(out, 0, e.users, user, d, 1);
  for (const p of state.accepted) addRow(out, d, e.attributes, p, d, 1 / state.accepted.length);
  const cand = state.candidates;
  const scores = actions.candidateScores;
  let wsum = 0;
  for (let k = 0; k < cand.length; k++) wsum += sigmoid(scores[k]);
  if (wsum > 0) for (let k = 0; k < cand.length; k++) addRow(out, 2 * d, e.items, cand[k], d, sigmoid(scores[k]) / wsum);
  for (const p of actions.attributes) addRow(out, 3 * d, e.attributes, p, d, 1 / actions.attributes.length);
  let maxH = 0;
  for (const p of actions.attributes) maxH = Math.max(maxH, view.entropies[p]);
  let s1 = -Infinity;
  let s2 = -Infinity;
  for (let k = 0; k < scores.length; k++) {
    const s = scores[k];
    if (s > s1) {
      s2 = s1;
      s1 = s;
    } else if (s > s2) s2 = s;
  }
  const acted = state.turn - 1;
  const asks = state.accepted.length - 1 + state.rejected.length;
  const at = 4 * d;
  out[at] = acted / Math.max(1, options.maxTurn - 1);
  out[at + 1] = Math.log1p(cand.length) / Math.log1p(e.numItems);
  out[at + 2] = maxH;
  out[at + 3] = s2 > -Infinity ? Math.tanh(s1 - s2) : 0;
  out[at + 4] = acted > 0 ? asks / acted : 0;
  return out;
}

/**
 * The unified action space's feature rows, K × (d + 4) row-major with K = |attributes| + |items| ≤ 2·listSize:
 * first the offered attributes, then the offered items, each in the environment's ranking order.
 *
 *   ask p:        [ e_p ; 1, 0 ; H(p)     ; rank/listSize ]
 *   recommend v:  [ e_v ; 0, 1 ; σ(s_v)   ; rank/listSize ]
 *
 * with rank the 0-based place in its half's ranking (by entropy or preference for attributes, by score for items).
 */
export function encodeUnifiedActions(view: TurnView): Float32Array {
  const { scorer, actions } = view;
  const e = scorer.embeddings;
  const d = e.dim;
  const A = unifiedActionDim(d);
  const na = actions.attributes.length;
  const out = new Float32Array((na + actions.items.length) * A);
  // σ(s_v) of the offered items: their scores sit in candidateScores at their place among the candidates.
  const index = new Map<number, number>();
  if (actions.items.length > 0) {
    const want = new Set(actions.items);
    const cand = view.state.candidates;
    for (let k = 0; k < cand.length; k++) if (want.has(cand[k])) index.set(cand[k], k);
  }
  actions.attributes.forEach((p, r) => {
    const o = r * A;
    addRow(out, o, e.attributes, p, d, 1);
    out[o + d] = 1;
    out[o + d + 2] = view.entropies[p];
    out[o + d + 3] = r / view.options.listSize;
  });
  actions.items.forEach((v, r) => {
    const o = (na + r) * A;
    addRow(out, o, e.items, v, d, 1);
    out[o + d + 1] = 1;
    out[o + d + 2] = sigmoid(actions.candidateScores[index.get(v)!]);
    out[o + d + 3] = r / view.options.listSize;
  });
  return out;
}

/**
 * The attribute the separated baseline's fixed picker asks: the largest weighted entropy among the offered
 * attributes (ties: the earlier offered). With `attributeRanking: 'entropy'` (the default) that is the first
 * offered attribute and the reachable, unasked attribute of largest entropy — Max Entropy's choice. −1 if none.
 */
export function maxEntropyAttribute(view: TurnView): number {
  let best = -1;
  for (const p of view.actions.attributes) if (best < 0 || view.entropies[p] > view.entropies[best]) best = p;
  return best;
}
