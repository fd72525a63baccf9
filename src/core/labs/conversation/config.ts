// Settings of the conversational-policy lab (UNICORN's unified policy against separated and rule policies).
import { z } from 'zod';
import { datasetSetting } from '../../data/datasetChoice';

/** Every policy a run scores, in chart order: the two learned ones, then the three rules. */
export const POLICIES = ['unified', 'separated', 'max-entropy', 'abs-greedy', 'ask-n'] as const;
export type PolicyId = (typeof POLICIES)[number];
export const LEARNED = ['unified', 'separated'] as const;
export type LearnedId = (typeof LEARNED)[number];

export const POLICY_LABELS: Record<PolicyId, string> = {
  unified: 'Unified (one DQN: ask which / recommend)',
  separated: 'Separated (DQN switch + fixed pickers)',
  'max-entropy': 'Max Entropy (ask until ≤ 10 left)',
  'abs-greedy': 'Abs Greedy (always recommend)',
  'ask-n': 'Ask n, then recommend',
};

export const conversationSchema = z.object({
  dataset: datasetSetting('workshop'),
  seed: z.number().int().min(0).max(2147483647).default(42).describe('Seed for the split, the episodes, the pretraining, the networks and the exploration'),
  targets: z
    .enum(['long-tail', 'all'])
    .default('long-tail')
    .meta({ label: 'Target items', options: { 'long-tail': 'long tail (outside the most popular)', all: 'every held-out item' } })
    .describe('Which items the simulated users look for: every held-out interaction, or only those whose item is outside the most popular share of the catalogue in training (where the scorer alone ranks the target low and asking should matter)'),
  headShare: z.number().gt(0).lt(1).default(0.2).meta({ label: 'Popular share left out' }).describe('Long tail: the share of the catalogue, most interacted-with in training first, whose items are not targets'),
  attributeRanking: z
    .enum(['entropy', 'preference'])
    .default('entropy')
    .meta({ label: 'Attribute candidates', options: { entropy: 'weighted entropy (the paper)', preference: 'preference (the official code on LastFM, Yelp*)' } })
    .describe('How the 10 attributes the unified policy may ask are chosen each turn: by weighted entropy over the candidates (the paper) or by the user’s preference for them (what the official code does on LastFM and Yelp*)'),
  trainingEpisodes: z.number().int().min(10).max(200_000).default(3000).meta({ label: 'Training episodes' }).describe('Training conversations each learned policy plays (rounded up to a multiple of the evaluation interval)'),
  evalEvery: z.number().int().min(5).max(20_000).default(250).meta({ label: 'Evaluate every' }).describe('Training episodes between two evaluations on the validation conversations (a point on the training curves)'),
  validEpisodes: z.number().int().min(5).max(20_000).default(300).meta({ label: 'Validation conversations' }).describe('Held-out conversations the training curves are measured on and the best weights are chosen by'),
  testEpisodes: z.number().int().min(5).max(50_000).default(1000).meta({ label: 'Test conversations' }).describe('Held-out conversations (disjoint from the validation ones) every policy is scored on at the end'),
  askN: z.number().int().min(0).max(14).default(3).meta({ label: 'n (ask n, then recommend)' }).describe('How many attributes the “ask n, then recommend” rule asks before it recommends'),
  override: z
    .boolean()
    .default(false)
    .meta({ label: 'Test-time override' })
    .describe('The official code’s hand-written switch: at test time, recommend without consulting the Q-function when ≤ 10 candidates remain or on the last turn. Off, “when to switch” is the policy’s own decision'),
  gamma: z.number().min(0).max(1).default(0.999).meta({ label: 'Discount γ' }).describe('Discount of future rewards (UNICORN: 0.999; lower values make a success sooner worth more than a success later)'),
  learningRate: z.number().gt(0).max(1).default(0.001).describe('Adam step size of both Q-networks'),
  hidden: z.number().int().min(4).max(512).default(64).meta({ label: 'Hidden units' }).describe('Width of each dueling stream’s hidden layer'),
  epsilonSteps: z.number().int().min(0).max(1_000_000).default(4000).meta({ label: 'Exploration actions' }).describe('ε decays linearly from 1 to 0.05 over this many agent actions'),
  embeddingDim: z.number().int().min(2).max(128).default(32).meta({ label: 'Embedding size d' }).describe('Size of the user, item and attribute embeddings the scorer pretrains'),
  pretrainEpochs: z.number().int().min(1).max(100).default(5).meta({ label: 'Pretraining epochs' }).describe('BPR epochs of the user, item and attribute embeddings on the training interactions'),
  replayEpisodes: z.number().int().min(0).max(200).default(20).meta({ label: 'Replayed conversations' }).describe('Test conversations recorded turn by turn for the replay view'),
});

export type ConversationConfig = z.infer<typeof conversationSchema>;
export const conversationDefaults: ConversationConfig = conversationSchema.parse({});
