// Times the conversational-policy lab's training play: conversations per second for the unified and the separated
// DQN on workshop at the lab's defaults (ε-greedy play, one replay update per agent action, the loss read back).
import * as tf from '@tensorflow/tfjs';
import { createPolicyLearner } from '../conversation/policyTraining';
import { runEpisodes } from '../conversation/rules';
import { SEPARATED } from '../conversation/separated';
import { UNIFIED } from '../conversation/unified';
import { builtinDataset } from '../data/synthetic';
import { conversationDefaults, type ConversationConfig } from '../labs/conversation/config';
import { conversationsOf, environmentOf, pretrainedScorer } from '../labs/conversation/conversations';
import { Rng } from '../random/rng';

export interface ConversationPlayTiming {
  policy: 'unified' | 'separated';
  /** Training conversations per second (play + updates), after the warm-up. */
  episodesPerSecond: number;
  /** Mean agent actions (= DQN updates) per timed conversation. */
  actionsPerEpisode: number;
  /** Greedy evaluation: conversations per second (plain JS, no updates). */
  evalEpisodesPerSecond: number;
}

export interface ConversationBenchResult {
  label: string;
  backend: string;
  policies: ConversationPlayTiming[];
}

/**
 * Warm-up conversations first (past the replay warm-up, so every timed action trains), then `episodes` timed ones;
 * each conversation's loss is read back inside the timed region, as the lab's read-back does in bulk.
 */
export async function benchConversationPlay(plan: { warmup: number; episodes: number } = { warmup: 60, episodes: 200 }, over: Partial<ConversationConfig> = {}): Promise<ConversationBenchResult> {
  const config = { ...conversationDefaults, ...over };
  const data = builtinDataset(config.dataset as 'workshop');
  const root = new Rng(config.seed);
  const conv = conversationsOf(data, config, root);
  const scorer = await pretrainedScorer(conv, config, root);
  const env = environmentOf(config);
  const policies: ConversationPlayTiming[] = [];
  for (const [policy, design] of [['unified', UNIFIED], ['separated', SEPARATED]] as const) {
    const learner = createPolicyLearner(design, { scorer, train: conv.train }, { hidden: config.hidden, learningRate: config.learningRate, gamma: config.gamma, epsilonSteps: config.epsilonSteps, environment: env, seed: 1 });
    try {
      const play = async () => {
        const e = await learner.playEpisode();
        if (e.loss) {
          await e.loss.data();
          e.loss.dispose();
        }
      };
      for (let i = 0; i < plan.warmup; i++) await play();
      const actions0 = learner.actions;
      const t0 = performance.now();
      for (let i = 0; i < plan.episodes; i++) await play();
      const seconds = (performance.now() - t0) / 1000;
      const { policy: greedy } = await learner.greedy(false);
      const e0 = performance.now();
      runEpisodes(greedy, conv.valid, scorer, env);
      const evalSeconds = (performance.now() - e0) / 1000;
      policies.push({ policy, episodesPerSecond: plan.episodes / seconds, actionsPerEpisode: (learner.actions - actions0) / plan.episodes, evalEpisodesPerSecond: conv.valid.length / evalSeconds });
    } finally {
      learner.dispose();
    }
  }
  return {
    label: `Conversation training play (${config.dataset}, ${config.targets} targets, d = ${config.embeddingDim}, hidden ${config.hidden}, batch 64 per action)`,
    backend: tf.getBackend(),
    policies,
  };
}
