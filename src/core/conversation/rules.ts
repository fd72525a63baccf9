// Rule policies of conversational recommendation (abs greedy, max entropy, ask n then recommend) and the episode runner.
import { topIndices } from '../experiment/topK';
import { heartbeat } from '../heartbeat';
import type { AttributeTable } from './attributes';
import { candidateActions, DEFAULT_ENVIRONMENT, startConversation, step, type CandidateActions, type ConversationAction, type ConversationState, type EnvironmentOptions, type StepResult } from './environment';
import type { Episode } from './episodes';
import type { EpisodeOutcome } from './metrics';
import type { Scorer } from './scorer';

/** What a policy sees at a turn: the episode's user (not its target), the state and the ranked action space. */
export interface PolicyContext {
  scorer: Scorer;
  user: number;
  state: ConversationState;
  actions: CandidateActions;
  options: EnvironmentOptions;
  /** Agent actions taken so far in this episode (0 at the first). */
  actionsTaken: number;
}

export type ConversationPolicy = (ctx: PolicyContext) => ConversationAction;

const recommendTop = (ctx: PolicyContext): ConversationAction => ({ kind: 'recommend', items: ctx.actions.items });

/** Is this the agent's last action (the next turn is the user's quit)? */
const lastTurn = (ctx: PolicyContext): boolean => ctx.state.turn + 1 >= ctx.options.maxTurn;

/** Abs Greedy: always recommend the top `listSize` candidates by item score. */
export const absGreedy: ConversationPolicy = recommendTop;

/**
 * Max Entropy: while more than `listSize` candidates remain, ask the reachable, unasked attribute of largest
 * weighted entropy (whatever `attributeRanking` says); then recommend. Like the official code's test-time switch
 * it also recommends on the last turn, or when no attribute is left to ask.
 */
export const maxEntropy: ConversationPolicy = (ctx) => {
  const { state, options } = ctx;
  if (state.candidates.length <= options.listSize || lastTurn(ctx)) return recommendTop(ctx);
  // The turn's reachable attributes and entropies, as candidateActions computed them (whatever the ranking).
  const { reachable: ids, entropies: h } = ctx.actions;
  if (ids.length === 0) return recommendTop(ctx);
  const best = topIndices(Float64Array.from(ids, (p) => h[p]), 1)[0];
  return { kind: 'ask', attribute: ids[best] };
};

/**
 * Ask n then recommend: the first n actions ask the top attribute of the action space (ranked per
 * `attributeRanking`), then it recommends every turn; it also recommends early on the last turn, with ≤ listSize
 * candidates, or when no attribute is left.
 */
export function askThenRecommend(n: number): ConversationPolicy {
  return (ctx) => {
    if (ctx.actionsTaken >= n || lastTurn(ctx) || ctx.state.candidates.length <= ctx.options.listSize || ctx.actions.attributes.length === 0) return recommendTop(ctx);
    return { kind: 'ask', attribute: ctx.actions.attributes[0] };
  };
}

/** An episode's result: the outcome the metrics read, its (undiscounted) return and the actions it took. */
export interface EpisodeResult extends EpisodeOutcome {
  user: number;
  target: number;
  return: number;
  actions: number;
  asks: number;
  /** Asks the user answered yes to. */
  accepted: number;
}

/** Sees every turn as it is played: the episode's index, what the policy saw, what it did and the user's answer. */
export type TurnObserver = (episodeIndex: number, ctx: PolicyContext, action: ConversationAction, result: StepResult) => void;

/** Runs `policy` on each episode against the simulated user, in order; deterministic for a deterministic policy. */
export function runEpisodes(policy: ConversationPolicy, episodes: readonly Episode[], scorer: Scorer, options: EnvironmentOptions = DEFAULT_ENVIRONMENT, onTurn?: TurnObserver): EpisodeResult[] {
  const table: AttributeTable = scorer.table;
  const out: EpisodeResult[] = [];
  for (const [index, episode] of episodes.entries()) {
    heartbeat();
    let state = startConversation(table, episode);
    let total = 0;
    let actions = 0;
    let asks = 0;
    let accepted = 0;
    let successTurn: number | null = null;
    let rank: number | null = null;
    for (;;) {
      const actionSpace = candidateActions(scorer, episode, state, options);
      const ctx: PolicyContext = { scorer, user: episode.user, state, actions: actionSpace, options, actionsTaken: actions };
      const action = policy(ctx);
      const r = step(table, episode, state, action, options);
      onTurn?.(index, ctx, action, r);
      actions++;
      if (action.kind === 'ask') asks++;
      if (r.event === 'accepted') accepted++;
      total += r.reward;
      state = r.state;
      if (r.event === 'success') {
        successTurn = actions;
        rank = r.rank ?? null;
      }
      if (r.done) break;
    }
    out.push({ user: episode.user, target: episode.target, successTurn, rank, return: total, actions, asks, accepted });
  }
  return out;
}
