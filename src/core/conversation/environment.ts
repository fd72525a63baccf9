// The simulated user of a conversational recommender, per the official UNICORN code (science.md §2): pure JS.
import { ErrorCode, LabError } from '../errors';
import { topIndices } from '../experiment/topK';
import { attributeItems, itemAttributes, itemHas, numAttributes, type AttributeTable } from './attributes';
import type { Episode } from './episodes';
import { attributePreference, scoreItems, weightedEntropies, type Scorer } from './scorer';

/** Rewards of the official code (UNICORN, Deng et al. SIGIR 2021). */
export interface ConversationRewards {
  success: number;
  failedRecommendation: number;
  acceptedAttribute: number;
  rejectedAttribute: number;
  /** The user quits when the turns run out. */
  quit: number;
  /** An ask that finds the candidate set empty ends the episode. */
  emptyCandidates: number;
}

export const UNICORN_REWARDS: ConversationRewards = {
  success: 1,
  failedRecommendation: -0.1,
  acceptedAttribute: 0.01,
  rejectedAttribute: -0.1,
  quit: -0.3,
  emptyCandidates: -0.1,
};

export interface EnvironmentOptions {
  /** Turns in a conversation, the user's opening included (official: 15, so the agent acts at most 14 times). */
  maxTurn: number;
  /** Longest recommended list (official: 10); also the size of each half of the candidate action space. */
  listSize: number;
  /** How attributes are ranked for the action space: weighted entropy (the paper) or preference (the code on LastFM, Yelp*). */
  attributeRanking: 'entropy' | 'preference';
  rewards: ConversationRewards;
}

export const DEFAULT_ENVIRONMENT: EnvironmentOptions = { maxTurn: 15, listSize: 10, attributeRanking: 'entropy', rewards: UNICORN_REWARDS };

/** What the agent knows at a turn. `turn` counts turns used so far: 1 after the user's opening attribute. */
export interface ConversationState {
  turn: number;
  accepted: readonly number[];
  rejected: readonly number[];
  /** Items still possible, ascending ids. */
  candidates: Int32Array;
  /** Every item recommended and rejected so far (removed from `candidates` only while more than `listSize` remained). */
  rejectedItems: readonly number[];
}

export type ConversationAction = { kind: 'ask'; attribute: number } | { kind: 'recommend'; items: readonly number[] };

export type StepEvent = 'accepted' | 'rejected' | 'success' | 'failedRecommendation' | 'emptyCandidates';

export interface StepResult {
  state: ConversationState;
  /** The action's reward, plus `rewards.quit` when this action used the last turn without success. */
  reward: number;
  done: boolean;
  event: StepEvent;
  /** The user quit after this action (turns ran out). */
  quit: boolean;
  /** 1-based rank of the target in the recommended list on success. */
  rank?: number;
}

/** The opening: turn 1, the opening attribute accepted, candidates = the items that have it. */
export function startConversation(table: AttributeTable, episode: Episode): ConversationState {
  return { turn: 1, accepted: [episode.opening], rejected: [], candidates: attributeItems(table, episode.opening).slice(), rejectedItems: [] };
}

/**
 * The user's answer to one action (deterministic):
 * - ask p: accepted iff the target has p (+0.01; candidates keep only items with p), else rejected (−0.1; no
 *   filter — a rejected attribute only enters the item score's penalty). If the candidate set is empty when asked,
 *   the reward is −0.1 instead and the episode ends (the official order: check before the filter).
 * - recommend L (1 ≤ |L| ≤ listSize): success iff the target is in L (+1, done); else −0.1, and L is removed from
 *   the candidates only if more than `listSize` candidates remain.
 * - after any action the turn advances; reaching `maxTurn` without success ends the episode with `quit` added.
 *   (The official code delivers the −0.3 on one more, action-free step; folding it in changes a discounted return
 *   only by one factor γ on the −0.3.)
 */
export function step(table: AttributeTable, episode: Episode, state: ConversationState, action: ConversationAction, options: EnvironmentOptions = DEFAULT_ENVIRONMENT): StepResult {
  const r = options.rewards;
  if (state.turn >= options.maxTurn) throw new LabError(ErrorCode.InvalidConfigValue, `the conversation is over (turn ${state.turn} of ${options.maxTurn})`);
  const turn = state.turn + 1;
  let next: ConversationState;
  let reward: number;
  let event: StepEvent;
  let rank: number | undefined;
  if (action.kind === 'ask') {
    const p = action.attribute;
    if (!(p >= 0 && p < numAttributes(table))) throw new LabError(ErrorCode.InvalidConfigValue, `no attribute ${p}`);
    if (itemHas(table, episode.target, p)) {
      const candidates = state.candidates.filter((v) => itemHas(table, v, p));
      next = { ...state, turn, accepted: [...state.accepted, p], candidates };
      reward = r.acceptedAttribute;
      event = 'accepted';
    } else {
      next = { ...state, turn, rejected: [...state.rejected, p] };
      reward = r.rejectedAttribute;
      event = 'rejected';
    }
    if (state.candidates.length === 0) {
      return { state: next, reward: r.emptyCandidates, done: true, event: 'emptyCandidates', quit: false };
    }
  } else {
    const list = action.items;
    if (list.length === 0 || list.length > options.listSize) {
      throw new LabError(ErrorCode.InvalidConfigValue, `a recommendation holds 1 to ${options.listSize} items, not ${list.length}`);
    }
    const at = list.indexOf(episode.target);
    if (at >= 0) {
      return { state: { ...state, turn }, reward: r.success, done: true, event: 'success', quit: false, rank: at + 1 };
    }
    const drop = new Set(list);
    const candidates = state.candidates.length > options.listSize ? state.candidates.filter((v) => !drop.has(v)) : state.candidates;
    next = { ...state, turn, candidates, rejectedItems: [...state.rejectedItems, ...list] };
    reward = r.failedRecommendation;
    event = 'failedRecommendation';
  }
  const quit = turn >= options.maxTurn;
  return { state: next, reward: quit ? reward + r.quit : reward, done: quit, event, quit, rank };
}

/** The action space of a turn: the top attributes and items, and the candidates' scores (aligned with `state.candidates`). */
export interface CandidateActions {
  attributes: number[];
  items: number[];
  candidateScores: Float64Array;
  /** Every attribute of some candidate not yet asked, ascending (what the top attributes were chosen from). */
  reachable: number[];
  /** Weighted entropy of every attribute over the candidates (science.md §2), computed once per turn for all readers. */
  entropies: Float64Array;
}

/**
 * Top-K attributes and top-K items for the current state (K = `listSize`). Items: candidates by the official
 * item score, descending (ties: lower id first). Attributes: those of some candidate, not yet asked (accepted or
 * rejected), ranked by weighted entropy over the candidates or by preference per `attributeRanking`, descending
 * (ties: lower id first).
 */
export function candidateActions(scorer: Scorer, episode: Episode, state: ConversationState, options: EnvironmentOptions = DEFAULT_ENVIRONMENT): CandidateActions {
  const table = scorer.table;
  const k = options.listSize;
  const cand = state.candidates;
  const scores = scoreItems(scorer, episode.user, cand, state.accepted, state.rejected);
  const items = topIndices(scores, k).map((i) => cand[i]);
  const asked = new Set([...state.accepted, ...state.rejected]);
  const reachable = new Set<number>();
  for (const v of cand) for (const p of itemAttributes(table, v)) if (!asked.has(p)) reachable.add(p);
  const ids = [...reachable].sort((a, b) => a - b);
  const entropies = weightedEntropies(table, cand, scores);
  const value = options.attributeRanking === 'entropy' ? (p: number) => entropies[p] : (p: number) => attributePreference(scorer, episode.user, p, state.accepted);
  const vals = Float64Array.from(ids, value);
  const attributes = topIndices(vals, k).map((i) => ids[i]);
  return { attributes, items, candidateScores: scores, reachable: ids, entropies };
}

