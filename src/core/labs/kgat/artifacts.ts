// The views the KGAT lab's run emits for its panel, by name (types only).
import type { ExplainedPath } from './explain';
import type { Bucket } from './scoring';

/** One trained model: what it is and, once the run ends, how its best-validation weights score on test. */
export interface ModelRow {
  id: string;
  label: string;
  /** Propagation layers (0 = BPR-MF), attention, the graph it propagates over. */
  layers: number;
  attention: boolean;
  knowledge: boolean;
  params: number;
  /** The epoch whose weights were kept (best validation Recall@K). */
  bestEpoch: number;
  validRecall: number;
  test: { recall: number; ndcg: number; kgatCodeNdcg: number } | null;
}

/** Per bucket, each model's test Recall@K and NDCG@K (NaN → null: no user has a held-out item there). */
export interface BucketRows {
  buckets: Bucket[];
  recall: Record<string, (number | null)[]>;
  ndcg: Record<string, (number | null)[]>;
}

/** One explained recommendation: a top-ranked item of a user and the highest-attention paths to it. */
export interface ExplainedItem {
  item: string;
  rank: number;
  /** Whether the user's held-out test items include it. */
  hit: boolean;
  paths: ExplainedPath[];
}

export interface ExplainedUser {
  user: string;
  trainItems: number;
  items: ExplainedItem[];
}

export type KgatArtifacts = {
  /** At the start and after every epoch: the models, their sizes, the kept epoch; at the end with test scores. */
  models: { k: number; graph: { nodes: number; edges: number; relations: string[] }; rows: ModelRow[] };
  /** At the end: test scores of every model by item-popularity and by user-activity bucket. */
  buckets: { popularity: BucketRows; activity: BucketRows };
  /** At the end: KGAT's explanations for a few users (from its kept weights and attention). */
  explanations: { users: ExplainedUser[] };
};
