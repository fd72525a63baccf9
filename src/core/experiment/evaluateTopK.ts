// Scores a recommender's top-k lists against held-out items: mean NDCG@k, Recall@k and catalogue coverage.
import { userItems, type Interactions } from '../data/dataset';
import { itemCoverage, meanOver, ndcgAtK, recallAtK } from '../metrics';
import type { Recommender } from '../models/recommender';

export interface TopKScores {
  ndcg: number;
  recall: number;
  coverage: number;
}

/**
 * Ranks all unseen items for every user with held-out items and averages NDCG@k and Recall@k over those
 * users; coverage = |∪ top-k lists| / numItems.
 */
export async function evaluateTopK(model: Recommender, train: Interactions, heldOut: Interactions, k: number): Promise<TopKScores> {
  const users = Int32Array.from({ length: heldOut.numUsers }, (_, u) => u).filter((u) => heldOut.indptr[u + 1] > heldOut.indptr[u]);
  const lists = await model.recommend(users, k, train);
  const relevant = Array.from(users, (u) => new Set(userItems(heldOut, u)));
  return {
    ndcg: meanOver(lists.length, (r) => ndcgAtK(lists[r], relevant[r], k)),
    recall: meanOver(lists.length, (r) => recallAtK(lists[r], relevant[r], k)),
    coverage: itemCoverage(lists, heldOut.numItems),
  };
}
