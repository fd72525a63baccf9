// Conversations recorded turn by turn for the replay view: what each policy saw, its Q-values, what it did, the answer.
import type { Dataset } from '../data/dataset';
import type { ModelWeights } from '../models/model';
import type { DuelingQDims } from '../rl/duelingQ';
import { itemAttributes } from './attributes';
import type { ConversationAction, StepEvent } from './environment';
import type { Episode } from './episodes';
import { greedyChoice, type ActionDesign, type GreedyChoice, type OfferedAction } from './policyTraining';
import { runEpisodes, type ConversationPolicy } from './rules';
import type { Scorer } from './scorer';
import type { EnvironmentOptions } from './environment';

/** One candidate action as shown in a replay, with its Q-value. */
export interface ReplayOption {
  kind: 'ask' | 'recommend';
  label: string;
  q: number;
}

/** One agent action of a replayed conversation. */
export interface ReplayTurn {
  /** Candidates before the action. */
  candidates: number;
  kind: 'ask' | 'recommend';
  /** The attribute asked, or the first items of the list. */
  label: string;
  answer: StepEvent;
  /** The target's 1-based place in the list on success. */
  rank?: number;
  reward: number;
  /** Learned policies: every candidate action with its Q-value, and the index taken. */
  options?: ReplayOption[];
  chosen?: number;
  /** The test-time override took another action than the Q-values' best. */
  overridden?: boolean;
}

export interface ReplayRun {
  turns: ReplayTurn[];
  successTurn: number | null;
}

export interface ReplayEpisode {
  user: string;
  target: string;
  opening: string;
  targetAttributes: string[];
  runs: Record<string, ReplayRun>;
}

/** How each policy is replayed: a rule, or a learned design with its weights (so its Q-values can be shown). */
export type ReplayedPolicy = { kind: 'rule'; policy: ConversationPolicy } | { kind: 'learned'; design: ActionDesign; dims: DuelingQDims; weights: ModelWeights; override: boolean };

const itemName = (d: Dataset, v: number): string => d.itemTitles?.[v] || d.itemIds[v] || `item ${v}`;

function optionLabel(d: Dataset, scorer: Scorer, o: OfferedAction): string {
  if (o.kind === 'ask') return o.attribute === undefined ? 'ask' : `ask ${scorer.table.names[o.attribute]}`;
  return o.item === undefined ? 'recommend' : `recommend ${itemName(d, o.item)}`;
}

function actionLabel(d: Dataset, scorer: Scorer, a: ConversationAction): string {
  if (a.kind === 'ask') return scorer.table.names[a.attribute];
  const shown = a.items.slice(0, 3).map((v) => itemName(d, v));
  return `${shown.join(', ')}${a.items.length > 3 ? ` … (${a.items.length} items)` : ''}`;
}

/** Plays `episodes` with every policy and records each turn (deterministic: the policies here are greedy or rules). */
export function recordReplays(data: Dataset, scorer: Scorer, episodes: readonly Episode[], policies: Record<string, ReplayedPolicy>, env: EnvironmentOptions): ReplayEpisode[] {
  const table = scorer.table;
  const out: ReplayEpisode[] = episodes.map((e) => ({
    user: data.userIds[e.user] ?? `user ${e.user}`,
    target: itemName(data, e.target),
    opening: table.names[e.opening],
    targetAttributes: [...itemAttributes(table, e.target)].map((p) => table.names[p]),
    runs: {},
  }));
  for (const [id, p] of Object.entries(policies)) {
    const turns: ReplayTurn[][] = episodes.map(() => []);
    let last: GreedyChoice | null = null;
    const policy: ConversationPolicy = p.kind === 'rule' ? p.policy : (ctx) => (last = greedyChoice(p.design, p.dims, p.weights, p.override, ctx, true)).action;
    const results = runEpisodes(policy, episodes, scorer, env, (i, ctx, action, r) => {
      const turn: ReplayTurn = { candidates: ctx.state.candidates.length, kind: action.kind, label: actionLabel(data, scorer, action), answer: r.event, reward: r.reward, ...(r.rank ? { rank: r.rank } : {}) };
      if (p.kind === 'learned' && last) {
        const q = last.q;
        turn.options = (last.offered ?? []).map((o, k) => ({ kind: o.kind, label: optionLabel(data, scorer, o), q: q[k] }));
        turn.chosen = last.index;
        if (last.overridden) turn.overridden = true;
      }
      turns[i].push(turn);
    });
    results.forEach((r, i) => (out[i].runs[id] = { turns: turns[i], successTurn: r.successTurn }));
  }
  return out;
}
