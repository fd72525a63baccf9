// Scores a recommender's top-k lists against held-out items: mean NDCG@k, Recall@k and catalogue coverage.
import { userItems, type Interactions } from '../data/dataset';
import { itemCoverage, ndcgAtK, recallAtK } from '../metrics';
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
  let ndcg = 0;
  let recall = 0;
  lists.forEach((list, r) => {
    const relevant = new Set(userItems(heldOut, users[r]));
    ndcg += ndcgAtK(list, relevant, k);
    recall += recallAtK(list, relevant, k);
  });
  const n = Math.max(1, users.length);
  return { ndcg: ndcg / n, recall: recall / n, coverage: itemCoverage(lists, heldOut.numItems) };
}
