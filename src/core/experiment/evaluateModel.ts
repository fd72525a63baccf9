// Asks a recommender for every evaluation user's top-k and scores the lists with the full metric suite.
import type { Interactions } from '../data/dataset';
import type { Recommender } from '../models/recommender';
import { evaluateLists, type EvalContext, type ListMetrics } from './evaluate';
import { heartbeat } from '../heartbeat';

/** Ranks all unseen items (seen = `ctx.history`) for every user with held-out items, then `evaluateLists`. */
export async function evaluateModel(model: Recommender, heldOut: Interactions, ctx: EvalContext): Promise<ListMetrics> {
  const users = Int32Array.from({ length: heldOut.numUsers }, (_, u) => u).filter((u) => heldOut.indptr[u + 1] > heldOut.indptr[u]);
  heartbeat();
  const lists = await model.recommend(users, ctx.k, ctx.history);
  heartbeat();
  return evaluateLists(users, lists, heldOut, ctx);
}
