// Trains the unified and the separated conversational policies side by side against the simulated user, evaluates
// them and the rule policies on validation conversations as they learn, then scores every policy on test ones.
import type * as tf from '@tensorflow/tfjs';
import { resolveDataset } from '../../data/datasetChoice';
import { heartbeat } from '../../heartbeat';
import { runTraining } from '../../experiment/trainingLoop';
import type { RunContext, RunResult } from '../../experiment/types';
import type { ModelWeights } from '../../models/model';
import { Rng } from '../../random/rng';
import type { EnvironmentOptions } from '../../conversation/environment';
import { averageTurns, hdcg, successRates } from '../../conversation/metrics';
import { maxEntropyAttribute, turnView } from '../../conversation/policyFeatures';
import { createPolicyLearner, greedyPolicy, type PolicyLearner } from '../../conversation/policyTraining';
import { absGreedy, askThenRecommend, maxEntropy, runEpisodes, type ConversationPolicy, type EpisodeResult } from '../../conversation/rules';
import type { Scorer } from '../../conversation/scorer';
import { SEPARATED } from '../../conversation/separated';
import { recordReplays, type ReplayedPolicy } from '../../conversation/trace';
import { UNIFIED } from '../../conversation/unified';
import type { ConversationArtifacts } from './artifacts';
import { conversationsOf, environmentOf, pretrainedScorer } from './conversations';
import { LEARNED, POLICIES, POLICY_LABELS, type ConversationConfig, type LearnedId, type PolicyId } from './config';
import { reportTables } from './tables';

const DESIGNS = { unified: UNIFIED, separated: SEPARATED } as const;

/** The metrics of one policy's results under `prefix` ('valid' or 'test'); returns its SR@t curve. */
function scored(prefix: string, id: string, results: readonly EpisodeResult[], env: EnvironmentOptions, out: Record<string, number>): Float64Array {
  const sr = successRates(results, env.maxTurn);
  out[`${prefix}/sr@15/${id}`] = sr[env.maxTurn - 1];
  out[`${prefix}/sr@5/${id}`] = sr[Math.min(5, env.maxTurn) - 1];
  out[`${prefix}/at/${id}`] = averageTurns(results, env.maxTurn);
  out[`${prefix}/hdcg/${id}`] = hdcg(results);
  const asks = results.reduce((a, r) => a + r.asks, 0);
  out[`${prefix}/asks/${id}`] = asks / Math.max(1, results.length);
  // The share of questions answered yes (absent for a policy that never asked).
  if (asks > 0) out[`${prefix}/accepted/${id}`] = results.reduce((a, r) => a + r.accepted, 0) / asks;
  return sr;
}

/**
 * The conversational-policy lab's run. Setup: the attribute table, a per-user 80/20 split of the interactions,
 * training conversations from the training interactions and held-out ones (shuffled, then validation and test,
 * disjoint) from the rest, each filtered to the chosen targets. `prepare` pretrains the scorer's embeddings on the
 * training interactions and scores the rules on validation once. Each step plays one training conversation with
 * each learned policy (one DQN update per agent action); each epoch (`evalEvery` steps) scores the greedy learned
 * policies on validation and keeps each one's weights from its best validation SR@15 so far. At the end every policy
 * is scored on the test conversations, and the first `replayEpisodes` are recorded turn by turn.
 */
export function runConversation(config: ConversationConfig, ctx: RunContext = {}): Promise<RunResult<ConversationConfig>> {
  return runTraining<ConversationConfig, ConversationArtifacts>('conversation', config, ctx, (io) => {
    const data = resolveDataset(config.dataset, ctx.dataset);
    const root = new Rng(config.seed);
    const env = environmentOf(config);
    const conv = conversationsOf(data, config, root);
    heartbeat();
    const epochs = Math.ceil(config.trainingEpisodes / config.evalEvery);
    let scorer: Scorer | null = null;
    const learners: Partial<Record<LearnedId, PolicyLearner>> = {};
    const ruleValid: Record<string, number> = {};
    const best: Record<LearnedId, { sr: number; episodes: number; weights: ModelWeights | null }> = {
      unified: { sr: -1, episodes: 0, weights: null },
      separated: { sr: -1, episodes: 0, weights: null },
    };
    const rules: Record<Exclude<PolicyId, LearnedId>, ConversationPolicy> = { 'max-entropy': maxEntropy, 'abs-greedy': absGreedy, 'ask-n': askThenRecommend(config.askN) };
    const learner = (id: LearnedId): PolicyLearner => {
      const l = learners[id];
      if (!l) throw new Error(`conversation: the ${id} policy is not prepared`);
      return l;
    };

    return {
      epochs,
      stepsPerEpoch: config.evalEvery,
      info: {
        users: data.interactions.numUsers,
        items: data.interactions.numItems,
        attributes: conv.table.names.length,
        targets: config.targets === 'all' ? 'every held-out item' : `outside the ${Math.round(config.headShare * 100)}% most popular items (${conv.headSize} items left out)`,
        trainingConversations: conv.train.length,
        validationConversations: conv.valid.length,
        testConversations: conv.test.length,
        trainingEpisodes: epochs * config.evalEvery,
      },
      readbackEvery: 25,
      async prepare() {
        scorer = await pretrainedScorer(conv, config, root);
        for (const [id, policy] of Object.entries(rules)) scored('valid', id as PolicyId, runEpisodes(policy, conv.valid, scorer, env), env, ruleValid);
        const options = {
          hidden: config.hidden,
          learningRate: config.learningRate,
          gamma: config.gamma,
          epsilonSteps: config.epsilonSteps,
          environment: env,
        };
        for (const id of LEARNED) learners[id] = createPolicyLearner(DESIGNS[id], { scorer, train: conv.train }, { ...options, seed: root.fork(`policy-${id}`).uint32() });
      },
      async step() {
        const losses: Record<string, tf.Scalar> = {};
        const values: Record<string, number> = {};
        for (const id of LEARNED) {
          const l = learner(id);
          const e = await l.playEpisode();
          if (e.loss) losses[`loss/${id}`] = e.loss;
          values[`return/${id}`] = e.return;
        }
        values.epsilon = learner('unified').epsilon();
        return { losses, values };
      },
      async evaluate(epoch) {
        const out: Record<string, number> = { episodes: epoch * config.evalEvery, ...ruleValid };
        for (const id of LEARNED) {
          const { weights, policy } = await learner(id).greedy(config.override);
          scored('valid', id, runEpisodes(policy, conv.valid, scorer!, env), env, out);
          // Model selection on validation: keep the weights of the best SR@15 (ties: the later, better-trained one).
          if (out[`valid/sr@15/${id}`] >= best[id].sr) best[id] = { sr: out[`valid/sr@15/${id}`], episodes: epoch * config.evalEvery, weights };
        }
        return out;
      },
      async finish({ summary }) {
        if (!scorer) return;
        const out: Record<string, number> = { ...summary };
        const test: Record<string, ConversationPolicy> = { ...rules };
        const replayed: Record<string, ReplayedPolicy> = {};
        for (const id of LEARNED) {
          const l = learner(id);
          const weights = best[id].weights ?? (await l.greedy(config.override)).weights;
          test[id] = greedyPolicy(DESIGNS[id], l.dims, weights, config.override);
          replayed[id] = { kind: 'learned', design: DESIGNS[id], dims: l.dims, weights, override: config.override };
          out[`selected/episodes/${id}`] = best[id].episodes;
        }
        const curves = POLICIES.map((id) => {
          const sr = scored('test', id, runEpisodes(test[id], conv.test, scorer!, env), env, out);
          return { id, label: POLICY_LABELS[id], sr: [...sr], at: out[`test/at/${id}`], hdcg: out[`test/hdcg/${id}`], asks: out[`test/asks/${id}`], accepted: out[`test/accepted/${id}`] ?? null };
        });
        // Diagnostic: the unified policy decides when to ask, the max-entropy picker decides what — which of the two
        // decisions costs it against the separated policy?
        const unifiedPolicy = test.unified;
        const unifiedWhen: ConversationPolicy = (c) => {
          const a = unifiedPolicy(c);
          return a.kind === 'ask' ? { kind: 'ask', attribute: maxEntropyAttribute(turnView(c.scorer, c.user, c.state, c.actions, c.options)) } : a;
        };
        scored('test', 'unified-when', runEpisodes(unifiedWhen, conv.test, scorer, env), env, out);
        const diagnostic = { sr15: out['test/sr@15/unified-when'], at: out['test/at/unified-when'], asks: out['test/asks/unified-when'] };
        io.artifact('testCurves', { turns: env.maxTurn, episodes: conv.test.length, policies: curves, selectedAt: { unified: best.unified.episodes, separated: best.separated.episodes }, unifiedWhen: diagnostic });
        for (const id of POLICIES) if (!replayed[id]) replayed[id] = { kind: 'rule', policy: test[id] };
        const ordered = Object.fromEntries(POLICIES.map((id) => [id, replayed[id]]));
        io.artifact('replay', {
          policies: POLICIES.map((id) => ({ id, label: POLICY_LABELS[id] })),
          episodes: recordReplays(data, scorer, conv.test.slice(0, config.replayEpisodes), ordered, env),
        });
        return { summary: out, tables: reportTables(out, config) };
      },
      dispose() {
        for (const id of LEARNED) learners[id]?.dispose();
      },
    };
  });
}
