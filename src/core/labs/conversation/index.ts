// The conversational-policy lab (joint training of asking, recommending and switching): identity, texts, charts, run.
import { defineLab, type ChartSpec, type Direction, type SeriesSpec } from '../../experiment/types';
import { lesson } from '../findingsRecord';
import type { ConversationArtifacts } from './artifacts';
import { conversationDefaults, conversationSchema, POLICIES, POLICY_LABELS, type PolicyId } from './config';
import { conversationFindings } from './findings';
import { conversationLesson } from './lesson';

export const POLICY_COLORS: Record<PolicyId, string> = {
  unified: '#8e44ad',
  separated: '#2f6fdd',
  'max-entropy': '#d9822b',
  'abs-greedy': '#555555',
  'ask-n': '#27ae60',
};

const series = (metric: string): SeriesSpec[] =>
  POLICIES.map((p) => ({ key: `valid/${metric}/${p}`, label: POLICY_LABELS[p], color: POLICY_COLORS[p], dashed: p !== 'unified' && p !== 'separated' }));

/** A validation metric per evaluation for the two learned policies, the rules as dashed lines. */
function validChart(metric: string, title: string, yLabel: string, unit: string, better: Direction): ChartSpec {
  return { id: metric === 'sr@15' ? 'sr' : metric, title, source: 'epoch', xLabel: 'evaluation (one every “evaluate every” training conversations; 0 = untrained)', yLabel, unit, better, series: series(metric) };
}

export const conversationLab = defineLab<typeof conversationSchema, ConversationArtifacts>({
  id: 'conversation',
  title: 'A conversational policy: ask, recommend and when to switch, as one',
  tagline: 'One Q-network chooses between asking an attribute and recommending items: does learning them together beat a hand-off?',
  papers: [
    {
      title: 'Unified Conversational Recommendation Policy Learning via Graph-based Reinforcement Learning',
      authors: 'Deng, Li, Sun, Ding, Lam',
      venue: 'SIGIR',
      year: 2021,
      url: 'https://arxiv.org/abs/2105.09710',
    },
    {
      title: 'Interactive Path Reasoning on Graph for Conversational Recommendation (SCPR)',
      authors: 'Lei, Zhang, He, Miao, Wang, Chen, Chua',
      venue: 'KDD',
      year: 2020,
      url: 'https://arxiv.org/abs/2007.00194',
    },
  ],
  ...lesson({
    about:
      'A simulated user looks for one item they liked and opens by naming one of its attributes. Each turn the system asks about an attribute (yes: only ' +
      'items that have it stay candidates) or recommends 10 items (a hit ends the conversation; a miss removes them), for at most 15 turns. Usually three ' +
      'components hand off to each other: which attribute to ask, which items to show and when to stop asking. UNICORN learns them as one policy: one ' +
      'dueling double-DQN scores one action space, the 10 most informative attributes and the 10 best-scored items, so "ask or recommend" is simply the ' +
      'largest Q-value. The separated baseline (as EAR and SCPR) learns only the switch and hands off to a fixed attribute picker (largest weighted entropy) ' +
      'and a fixed ranker; Max Entropy, Abs Greedy and "ask n, then recommend" are rules. The state is a fixed mean-pooled aggregation of the conversation ' +
      'graph (user, accepted attributes, candidates, reachable attributes) over pretrained embeddings, not the paper’s trained graph network and Transformer. ' +
      'Targets are long-tail items by default: the conversations where the scorer alone ranks the target low. The paper reports SR@15 0.535 and AT 11.82 ' +
      'on LastFM (not re-measured here).',
    whatToTry: [
      'Press ▶ Train and watch the success rate on validation conversations: the two learned policies start untrained and climb towards the dashed rules. ' +
        'Recorded with the defaults: unified {finding:conversation.asking-helps/unified} ± {sd:conversation.asking-helps/unified}, separated ' +
        '{finding:conversation.asking-helps/separated} ± {sd:conversation.asking-helps/separated}, ask 3 then recommend {finding:conversation.asking-helps/ask-n}, ' +
        'always recommend {finding:conversation.asking-helps/abs-greedy}, Max Entropy {finding:conversation.asking-helps/max-entropy} ' +
        '({measured:conversation.asking-helps}). The paper’s claim that the unified policy beats the separated one did not hold here.',
      'Open the replay, pick a conversation and compare the unified and the separated policy turn by turn: each turn lists the Q-values of every action ' +
        'the policy was offered, and the first recommendation is marked — the moment it switched.',
      'Set the discount to 0.9: a success sooner is then worth more than one later, and the unified policy recommends earlier and succeeds more often ' +
        '({finding:conversation.gamma/short} against {finding:conversation.gamma/paper}; the separated one {finding:conversation.gamma/shortSeparated}; ' +
        '{measured:conversation.gamma}).',
      'Set the attribute candidates to preference, the official code’s ranking on LastFM and Yelp*: the finding that the paper’s entropy ranking does ' +
        'better did not hold here, so this choice is not what holds the unified policy back.',
      'Set the target items to every held-out item: the scorer already ranks popular targets high and asking matters less; the unified policy reaches ' +
        '{finding:conversation.tail-gap/allUnified} and the separated one {finding:conversation.tail-gap/allSeparated} ({measured:conversation.tail-gap}).',
      'On MovieLens-100K (import it, then choose the imported data; genres and release decade are the attributes) conversations are much harder: ' +
        'always recommending finds {finding:conversation.ml-100k-asking/abs-greedy} of the long-tail targets, Max Entropy ' +
        '{finding:conversation.ml-100k-asking/max-entropy}, the unified policy {finding:conversation.ml-100k-asking/unified} ± ' +
        '{sd:conversation.ml-100k-asking/unified}, the separated one {finding:conversation.ml-100k-asking/separated} ± ' +
        '{sd:conversation.ml-100k-asking/separated} and ask 3 then recommend {finding:conversation.ml-100k-asking/ask-n} ' +
        '({measured:conversation.ml-100k-asking}): both learned policies beat the rules they are compared with in the paper, and again the hand-off ' +
        'beats the single policy.',
    ],
  }),
  place: { part: 'joint', order: 3 },
  lessonPlan: conversationLesson,
  findings: conversationFindings,
  schema: conversationSchema,
  defaults: conversationDefaults,
  quick: { dataset: 'tiny', trainingEpisodes: 150, evalEvery: 75, validEpisodes: 10, testEpisodes: 20, pretrainEpochs: 1, replayEpisodes: 2, headShare: 0.5 },
  charts: [
    validChart('sr@15', 'Success within 15 turns on validation conversations', 'SR@15', 'share of conversations', 'higher'),
    validChart('at', 'Average turns on validation conversations (a failure counts 15)', 'AT', 'turns', 'lower'),
    validChart('asks', 'Attributes asked per validation conversation', 'asks', 'questions per conversation', 'none'),
    {
      id: 'loss',
      title: 'TD loss of the learned policies (Huber, per training conversation)',
      source: 'step',
      xLabel: 'training conversation',
      yLabel: 'TD loss',
      unit: 'mean Huber loss of the conversation’s updates',
      better: 'lower',
      series: [
        { key: 'loss/unified', label: POLICY_LABELS.unified, color: POLICY_COLORS.unified },
        { key: 'loss/separated', label: POLICY_LABELS.separated, color: POLICY_COLORS.separated },
      ],
    },
  ],
  // Loaded on first run: the page shows the lab without pulling tfjs into its first bundle.
  run: async (config, ctx) => (await import('./run')).runConversation(config, ctx),
});
