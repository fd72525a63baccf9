// Trains KGAT and its baselines (BPR-MF, no attention, no knowledge graph, other depths) side by side on the same
// split and batches; selects each one's epoch on validation and scores it once on test, overall and by bucket.
import * as tf from '@tensorflow/tfjs';
import { resolveDataset } from '../../data/datasetChoice';
import { nnz, type Interactions } from '../../data/dataset';
import { runTraining } from '../../experiment/trainingLoop';
import type { ReportTable, RunContext, RunResult } from '../../experiment/types';
import { heartbeat } from '../../heartbeat';
import { bprEpochTriples } from '../../models/bprMf';
import type { ModelWeights } from '../../models/model';
import { buildGraph, hasEdge, type CollaborativeGraph } from '../../models/kgat/graph';
import { createKgat, layerSizes, type Kgat } from '../../models/kgat/model';
import { Rng } from '../../random/rng';
import type { BucketRows, ExplainedUser, KgatArtifacts, ModelRow } from './artifacts';
import { DEPTHS, K, MODEL_LABELS, type KgatConfig } from './config';
import { explainPaths } from './explain';
import { kgatSplit } from './split';
import { activityBuckets, popularityBuckets, scoreLists, topLists, unionOf, type Scored } from './scoring';

/** Buckets per grouping (quarters). */
const BUCKETS = 4;
/** Users and recommendations explained at the end. */
const EXPLAINED_USERS = 24;
const EXPLAINED_ITEMS = 5;
const PATHS = 6;

/** A model being trained: its id, how it is built, the model, its graph and its best-validation copy. */
interface Contestant {
  id: string;
  label: string;
  model: Kgat;
  graph: CollaborativeGraph;
  best: { epoch: number; recall: number; weights: ModelWeights; edges: Float32Array } | null;
  /** This epoch's TransR triples (positions in the graph's edge order) and their corrupted tails. */
  kg: { edges: Int32Array; neg: Int32Array } | null;
  /** Its own stream of TransR orders and corrupted tails: adding the depth sweep leaves the other models' draws alone. */
  kgRng: Rng;
  params: number;
}


/** The label of a depth-sweep model. */
function depthLabel(l: number): string {
  return `KGAT with L = ${l}`;
}

/** Every TransR triple of the graph once, in a seeded order, each with a tail t′ that is not a neighbour of h. */
function kgEpoch(g: CollaborativeGraph, rng: Rng): { edges: Int32Array; neg: Int32Array } {
  const edges = rng.shuffle(Int32Array.from({ length: g.head.length }, (_, e) => e));
  const neg = new Int32Array(edges.length);
  edges.forEach((e, k) => {
    const h = g.head[e];
    let t: number;
    // A node joined to every other is impossible here (heads have far fewer edges than there are nodes).
    do t = rng.int(g.numNodes);
    while (t === h || hasEdge(g, h, t));
    neg[k] = t;
  });
  return { edges, neg };
}

/**
 * The experiment. Per user, 20% of the items are held out for test and 10% of the rest for validation (weak
 * generalisation); the graph holds the training interactions only. Every model takes each CF step on the same
 * (user, positive, negative) batch, then each TransR model its KG steps, then the attention is recomputed (once per
 * epoch, outside the gradient). After every epoch: validation Recall@K and NDCG@K of every model (full ranking of
 * the items the user has not trained on); each model keeps the weights of its best validation Recall@K. At the end
 * the kept weights are scored once on test: overall, by item-popularity and by user-activity bucket, and KGAT's
 * attention explains a few recommendations.
 */
export function runKgat(config: KgatConfig, ctx: RunContext = {}): Promise<RunResult<KgatConfig>> {
  return runTraining<KgatConfig, KgatArtifacts>('kgat', config, ctx, (io) => {
    const data = resolveDataset(config.dataset, ctx.dataset);
    const root = new Rng(config.seed);
    const { train, valid, test } = kgatSplit(data, config.trainShare, root);
    const testExclude = unionOf(train, valid);
    heartbeat();
    const full = buildGraph(data, train, { knowledge: true, userAttributes: config.userAttributes });
    const bare = buildGraph(data, train, { knowledge: false, userAttributes: false });
    heartbeat();
    const initSeed = root.fork('init').uint32();
    const order = root.fork('order');
    const dropRng = root.fork('dropout');
    const base = { dim: config.embeddingDim, dropout: config.messageDropout, learningRate: config.learningRate, l2: config.l2 };
    const contestant = (id: string, label: string, graph: CollaborativeGraph, depth: number, attention: boolean): Contestant => {
      const model = createKgat(graph, { ...base, layers: layerSizes(config.embeddingDim, depth), attention, transR: depth > 0 }, new Rng(initSeed));
      return { id, label, model, graph, best: null, kg: null, kgRng: root.fork(`kg-${id}`), params: model.paramCount() };
    };
    const all: Contestant[] = [
      contestant('kgat', MODEL_LABELS.kgat, full, config.layers, true),
      contestant('bprmf', MODEL_LABELS.bprmf, bare, 0, false),
      contestant('kgat-noatt', MODEL_LABELS['kgat-noatt'], full, config.layers, false),
      contestant('kgat-nokg', MODEL_LABELS['kgat-nokg'], bare, config.layers, true),
      ...(config.depthSweep ? DEPTHS.filter((l) => l !== config.layers).map((l) => contestant(`kgat-l${l}`, depthLabel(l), full, l, true)) : []),
    ];
    const cfSteps = Math.ceil(nnz(train) / config.batchSize);
    const kgSteps = Math.max(...all.map((c) => (c.model.spec.transR ? Math.ceil(c.graph.head.length / config.kgBatchSize) : 0)));
    let triples: ReturnType<typeof bprEpochTriples>;
    const pop = popularityBuckets(train, test, BUCKETS);
    const act = activityBuckets(train, test, BUCKETS);
    let finalScores: Map<string, Scored> | null = null;

    /** A model's top K for every user, skipping `exclude` (training items; for test, validation ones too). */
    const listsOf = async (m: Kgat, exclude: Interactions): Promise<Int32Array[]> => {
      const emb = m.embeddings();
      try {
        return await topLists(emb, train.numUsers, train.numItems, exclude, K);
      } finally {
        emb.dispose();
      }
    };
    const rowOf = (c: Contestant): ModelRow => {
      const s = finalScores?.get(c.id);
      return {
        id: c.id,
        label: c.label,
        layers: c.model.spec.layers.length,
        attention: c.model.spec.attention,
        knowledge: c.graph === full,
        params: c.params,
        bestEpoch: c.best?.epoch ?? 0,
        validRecall: c.best?.recall ?? NaN,
        test: s ? { recall: s.all.recall, ndcg: s.all.ndcg, kgatCodeNdcg: s.kgatCodeNdcg } : null,
      };
    };
    const emitModels = () => io.artifact('models', { k: K, graph: { nodes: full.numNodes, edges: full.head.length, relations: full.relationNames }, rows: all.map(rowOf) });

    return {
      epochs: config.epochs,
      stepsPerEpoch: cfSteps + kgSteps,
      info: {
        users: train.numUsers,
        items: train.numItems,
        trainInteractions: nnz(train) + (config.trainShare < 1 ? ` (${Math.round(config.trainShare * 100)}% of each user’s)` : ''),
        validationInteractions: nnz(valid),
        testInteractions: nnz(test),
        graph: `${full.numNodes} nodes, ${full.head.length} edges (inverses included), relations: ${full.relationNames.filter((_, r) => r % 2 === 0).join(', ')}`,
        models: all.map((c) => c.id).join(', '),
      },
      readbackEvery: 20,
      // The models and their sizes, shown as soon as the run has started.
      prepare: async () => emitModels(),
      beginEpoch: () => {
        triples = bprEpochTriples(train, order);
        for (const c of all) if (c.model.spec.transR) c.kg = kgEpoch(c.graph, c.kgRng);
        heartbeat();
      },
      step: ({ index }) => {
        const losses: Record<string, tf.Scalar> = {};
        if (index < cfSteps) {
          const a = index * config.batchSize;
          const b = Math.min(a + config.batchSize, triples.users.length);
          const seed = dropRng.uint32();
          for (const c of all) {
            heartbeat();
            losses[`loss/cf/${c.id}`] = c.model.cfStep(triples.users.subarray(a, b), triples.pos.subarray(a, b), triples.neg.subarray(a, b), seed);
          }
          return { losses };
        }
        const j = index - cfSteps;
        for (const c of all) {
          if (!c.kg || j * config.kgBatchSize >= c.kg.edges.length) continue;
          heartbeat();
          const edges = c.kg.edges.subarray(j * config.kgBatchSize, (j + 1) * config.kgBatchSize);
          const g = c.graph;
          losses[`loss/kg/${c.id}`] = c.model.kgStep(
            Int32Array.from(edges, (e) => g.head[e]),
            Int32Array.from(edges, (e) => g.relation[e]),
            Int32Array.from(edges, (e) => g.tail[e]),
            c.kg.neg.subarray(j * config.kgBatchSize, (j + 1) * config.kgBatchSize),
          );
        }
        return { losses };
      },
      async evaluate(epoch) {
        const out: Record<string, number> = {};
        for (const c of all) {
          // The attention update closes the epoch (after the CF and KG batches), as in the official code.
          if (epoch > 0) await c.model.updateAttention();
          const lists = await listsOf(c.model, train);
          const s = scoreLists(lists, valid, K).all;
          out[`valid/recall@${K}/${c.id}`] = s.recall;
          out[`valid/ndcg@${K}/${c.id}`] = s.ndcg;
          if (!c.best || s.recall > c.best.recall) c.best = { epoch, recall: s.recall, weights: await c.model.snapshot(), edges: c.model.edgeWeights() };
        }
        emitModels();
        return out;
      },
      async finish({ outcome, summary }) {
        if (outcome.status === 'diverged') return;
        finalScores = new Map();
        const extra: Record<string, number> = {};
        let kgatLists: Int32Array[] = [];
        for (const c of all) {
          heartbeat();
          if (c.best) {
            c.model.restore(c.best.weights);
            c.model.setEdgeWeights(c.best.edges);
          }
          const lists = await listsOf(c.model, testExclude);
          if (c.id === 'kgat') kgatLists = lists;
          const s = scoreLists(lists, test, K, { of: pop.of, n: BUCKETS }, { of: act.of, n: BUCKETS });
          finalScores.set(c.id, s);
          extra[`test/recall@${K}/${c.id}`] = s.all.recall;
          extra[`test/ndcg@${K}/${c.id}`] = s.all.ndcg;
          extra[`test/kgatCodeNdcg@${K}/${c.id}`] = s.kgatCodeNdcg;
          extra[`best-epoch/${c.id}`] = c.best?.epoch ?? 0;
          pop.buckets.forEach((b, k) => {
            extra[`test/recall@${K}/${c.id}/${b.id}`] = s.byPopularity[k].recall;
            extra[`test/ndcg@${K}/${c.id}/${b.id}`] = s.byPopularity[k].ndcg;
          });
          act.buckets.forEach((b, k) => {
            extra[`test/recall@${K}/${c.id}/${b.id}`] = s.byActivity[k].recall;
            extra[`test/ndcg@${K}/${c.id}/${b.id}`] = s.byActivity[k].ndcg;
          });
        }
        emitModels();
        const rows = (pick: (s: Scored) => { recall: number; ndcg: number }[], buckets: typeof pop.buckets): BucketRows => ({
          buckets,
          recall: Object.fromEntries(all.map((c) => [c.id, pick(finalScores!.get(c.id)!).map((x) => (Number.isFinite(x.recall) ? x.recall : null))])),
          ndcg: Object.fromEntries(all.map((c) => [c.id, pick(finalScores!.get(c.id)!).map((x) => (Number.isFinite(x.ndcg) ? x.ndcg : null))])),
        });
        io.artifact('buckets', { popularity: rows((s) => s.byPopularity, pop.buckets), activity: rows((s) => s.byActivity, act.buckets) });
        const kgat = all[0];
        io.artifact('explanations', { users: explanations(kgat.graph, kgat.model.edgeWeights(), kgatLists, train, test) });
        const finite = Object.fromEntries(Object.entries(extra).filter(([, v]) => Number.isFinite(v)));
        return { summary: { ...summary, ...finite }, tables: [resultsTable(all.map(rowOf))] };
      },
      dispose() {
        for (const c of all) c.model.dispose();
      },
    };
  });
}

/** KGAT's top recommendations for the first users with held-out items, each with its highest-attention paths. */
function explanations(g: CollaborativeGraph, w: Float32Array, lists: Int32Array[], train: Interactions, test: Interactions): ExplainedUser[] {
  const out: ExplainedUser[] = [];
  for (let u = 0; u < lists.length && out.length < EXPLAINED_USERS; u++) {
    heartbeat();
    const held = new Set(test.indices.subarray(test.indptr[u], test.indptr[u + 1]));
    if (held.size === 0) continue;
    out.push({
      user: g.nodeNames[u],
      trainItems: train.indptr[u + 1] - train.indptr[u],
      items: Array.from(lists[u].subarray(0, EXPLAINED_ITEMS), (i, r) => ({
        item: g.nodeNames[g.numUsers + i],
        rank: r + 1,
        hit: held.has(i),
        paths: explainPaths(g, w, u, i, PATHS),
      })),
    });
  }
  return out;
}

function resultsTable(rows: ModelRow[]): ReportTable {
  const f = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(4));
  return {
    title: `Test Recall@${K} and NDCG@${K} of each model's best-validation epoch (higher is better)`,
    columns: ['model', 'layers', 'attention', 'knowledge graph', 'kept epoch', `Recall@${K}`, `NDCG@${K}`, `NDCG@${K} as KGAT's code computes it`, 'parameters'],
    rows: rows.map((r) => [r.label, String(r.layers), r.attention ? 'yes' : 'no', r.knowledge ? 'yes' : 'no', String(r.bestEpoch), f(r.test?.recall), f(r.test?.ndcg), f(r.test?.kgatCodeNdcg), String(r.params)]),
  };
}

