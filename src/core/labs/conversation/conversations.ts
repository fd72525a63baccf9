// The conversations of a run: the attribute table, the split, the target filter and the three episode sets.
import type { Dataset, Interactions } from '../../data/dataset';
import { itemCounts } from '../../data/dataset';
import { ErrorCode, LabError } from '../../errors';
import type { Rng } from '../../random/rng';
import { buildAttributeTable, numAttributes, type AttributeTable } from '../../conversation/attributes';
import { DEFAULT_ENVIRONMENT, type EnvironmentOptions } from '../../conversation/environment';
import { buildEpisodes, splitForConversation, type Episode } from '../../conversation/episodes';
import { createScorer, DEFAULT_PRETRAIN, pretrainEmbeddings, type Scorer } from '../../conversation/scorer';
import type { ConversationConfig } from './config';

export interface Conversations {
  table: AttributeTable;
  /** What the scorer is pretrained on and the training conversations come from. */
  trainInteractions: Interactions;
  train: Episode[];
  valid: Episode[];
  test: Episode[];
  /** Items left out as targets (the most popular share; 0 when every item may be one). */
  headSize: number;
}

/**
 * The `headShare` most interacted-with items in training (ties: lower id first), the "short head" whose items are
 * not targets under `targets: 'long-tail'`.
 */
export function popularHead(train: Interactions, share: number): Set<number> {
  const counts = itemCounts(train);
  const order = Array.from({ length: train.numItems }, (_, v) => v).sort((a, b) => counts[b] - counts[a] || a - b);
  return new Set(order.slice(0, Math.ceil(share * train.numItems)));
}

/**
 * Splits each user's interactions 80/20; training conversations come from the 80, held-out ones from the 20,
 * shuffled and cut into validation then test (disjoint interactions, never seen by the scorer or in training play).
 * Under 'long-tail' every set keeps only conversations whose target is outside the popular head of training.
 */
export function conversationsOf(data: Dataset, config: Pick<ConversationConfig, 'targets' | 'headShare' | 'validEpisodes' | 'testEpisodes'>, root: Rng): Conversations {
  const table = buildAttributeTable(data);
  if (numAttributes(table) === 0) {
    throw new LabError(ErrorCode.DataUnsuitable, `'dataset': ${data.name} has no item attributes to ask about: import items with genres (MovieLens u.item or movies.csv) or an item–attribute file`);
  }
  const { train: trainInteractions, test } = splitForConversation(data.interactions, root.fork('split'));
  const head = config.targets === 'long-tail' ? popularHead(trainInteractions, config.headShare) : new Set<number>();
  const keep = (e: Episode) => !head.has(e.target);
  const train = buildEpisodes(trainInteractions, table, root.fork('train-episodes')).filter(keep);
  const heldOut = root.fork('held-out').shuffle(buildEpisodes(test, table, root.fork('held-out-episodes')).filter(keep));
  const valid = heldOut.slice(0, config.validEpisodes);
  const testEpisodes = heldOut.slice(config.validEpisodes, config.validEpisodes + config.testEpisodes);
  if (train.length === 0 || valid.length === 0 || testEpisodes.length === 0) {
    throw new LabError(
      ErrorCode.DataUnsuitable,
      `'dataset': ${data.name} gives ${train.length} training and ${heldOut.length} held-out conversations${config.targets === 'long-tail' ? ' with long-tail targets' : ''}, too few for training, validation and test: use more data${config.targets === 'long-tail' ? ' or every item as a target' : ''}`,
    );
  }
  return { table, trainInteractions, train, valid, test: testEpisodes, headSize: head.size };
}

/** The simulated user's rules for a run (the attribute ranking is the run's setting; the rest is the official code's). */
export function environmentOf(config: Pick<ConversationConfig, 'attributeRanking'>): EnvironmentOptions {
  return { ...DEFAULT_ENVIRONMENT, attributeRanking: config.attributeRanking };
}

/** The scorer of a run: embeddings pretrained on the training interactions only, with the run's size and epochs. */
export async function pretrainedScorer(conv: Conversations, config: Pick<ConversationConfig, 'embeddingDim' | 'pretrainEpochs'>, root: Rng): Promise<Scorer> {
  const { embeddings } = await pretrainEmbeddings(conv.trainInteractions, conv.table, { ...DEFAULT_PRETRAIN, dim: config.embeddingDim, epochs: config.pretrainEpochs }, root.fork('pretrain'));
  return createScorer(embeddings, conv.table);
}
