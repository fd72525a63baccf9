// A hand-made 14-item catalogue with one-dimensional embeddings, so tests of the simulator and the policy features can
// work every number out by hand (test fixture; nothing in the product imports it).
import { fromUserLists } from '../data/dataset';
import { buildAttributeTable, type AttributeTable } from '../conversation/attributes';
import type { Episode } from '../conversation/episodes';
import { createScorer, type ConversationEmbeddings, type Scorer } from '../conversation/scorer';

/**
 * 14 items; genres A = items 0–11, B = items 0–4, C = items 5–13 (attribute ids 0, 1, 2). Embeddings of size 1:
 * e_u = −0.01, e_v = v, e_p = (0, 0.1, −1), so ⟨e_u, e_v⟩ = −v/100 (lower ids score higher) and ⟨e_p, e_v⟩ = v·e_p.
 * The episode's target is item 3 (A and B, not C), opened with A.
 */
export function handCatalogue(): { N: number; table: AttributeTable; emb: ConversationEmbeddings; scorer: Scorer; episode: Episode } {
  const N = 14;
  const genres = new Uint8Array(N * 3);
  for (let v = 0; v < N; v++) {
    if (v <= 11) genres[v * 3] = 1;
    if (v <= 4) genres[v * 3 + 1] = 1;
    if (v >= 5) genres[v * 3 + 2] = 1;
  }
  const table = buildAttributeTable({ genreNames: ['A', 'B', 'C'], itemGenres: genres, interactions: fromUserLists([[]], N) });
  const emb: ConversationEmbeddings = {
    dim: 1,
    numUsers: 1,
    numItems: N,
    numAttributes: 3,
    users: Float32Array.of(-0.01),
    items: Float32Array.from({ length: N }, (_, v) => v),
    attributes: Float32Array.of(0, 0.1, -1),
  };
  return { N, table, emb, scorer: createScorer(emb, table), episode: { user: 0, target: 3, opening: 0 } };
}
