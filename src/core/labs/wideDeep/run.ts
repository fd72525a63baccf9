// Trains wide only, deep only and joint Wide & Deep step by step on the same batches, builds the ensemble from the
// first two, and scores all four (and the Bayes ceiling) on held-out impressions.
import * as tf from '@tensorflow/tfjs';
import { resolveDataset } from '../../data/datasetChoice';
import type { Dataset } from '../../data/dataset';
import { ErrorCode, LabError } from '../../errors';
import { heartbeat } from '../../heartbeat';
import { runTraining } from '../../experiment/trainingLoop';
import type { RunContext, RunResult } from '../../experiment/types';
import { auc, logLoss, sigmoid } from '../../metrics/classification';
import { createWideDeep, type WideDeepModel } from '../../models/wideDeep/model';
import { createWideDeepTrainer, type WideDeepTrainer } from '../../models/wideDeep/trainer';
import { Rng } from '../../random/rng';
import type { CrossSweepArtifact, CrossSweepRow, WideDeepArtifacts } from './artifacts';
import { deviceBatch, disposeBatch, hostBatch, maxCrosses, type HostBatch } from './batches';
import { buildClickTask, rowsIn, TEST, TRAIN, VALID, type ClickTask } from './clickTask';
import { MODELS, SWEEP_CROSSES, sweepLabel, type ModelId, type WideDeepConfig } from './config';
import { chooseCrosses, crossIndex, crossStats, plantedCrosses } from './crosses';
import { BLEND_PARAMS, blendLogits, fitBlend, type Blend } from './ensemble';
import { buildFeatureSpace, type FeatureSpace } from './features';
import { errorGrid, gridField, memorisationSplit, type Predictions } from './grid';
import { reportTables } from './tables';

/** Impressions scored per forward pass when evaluating. */
const EVAL_CHUNK = 8192;

/** A model being trained: its series key, its wide part's cross count, the model and its trainer. */
interface Contestant {
  key: string;
  crosses: number;
  /** Which cross ordering its batches use: the main choice, or the G ordering of the sweep. */
  ordering: 'main' | 'sweep';
  model: WideDeepModel;
  trainer: WideDeepTrainer;
}

function checkedData(config: WideDeepConfig, ctx: RunContext): Dataset {
  const data = resolveDataset(config.dataset, ctx.dataset);
  if (!data.userFeatures || data.userFeatures.names.length === 0) {
    throw new LabError(ErrorCode.DataUnsuitable, `'dataset': ${data.name} has no user attributes, and Wide & Deep crosses user attributes with item attributes: import MovieLens-100K with its u.user file`);
  }
  return data;
}

/** Logits of `model` for every impression in `chunks` (host batches of evaluation rows), one read-back. */
async function predictLogits(space: FeatureSpace, model: WideDeepModel, crosses: number, chunks: readonly HostBatch[]): Promise<Float32Array> {
  const parts = chunks.map((h) =>
    tf.tidy(() => {
      heartbeat();
      const b = deviceBatch(space, h, crosses);
      try {
        return model.logits(b);
      } finally {
        disposeBatch(b);
      }
    }),
  );
  const all = tf.concat(parts);
  try {
    return (await all.data()) as Float32Array;
  } finally {
    all.dispose();
    tf.dispose(parts);
  }
}

/** Host batches of `rows`, EVAL_CHUNK at a time. */
function chunked(space: FeatureSpace, task: ClickTask, rows: Int32Array, rank: ReadonlyMap<number, number>, width: number): HostBatch[] {
  const out: HostBatch[] = [];
  for (let a = 0; a < rows.length; a += EVAL_CHUNK) out.push(hostBatch(space, task, rows.subarray(a, a + EVAL_CHUNK), rank, width));
  return out;
}

/** Scatters `values` (aligned with `rows`) into a task-length array. */
function spread(n: number, rows: Int32Array, values: ArrayLike<number>, f: (x: number) => number = (x) => x): Float64Array {
  const out = new Float64Array(n);
  rows.forEach((k, j) => (out[k] = f(values[j])));
  return out;
}

/**
 * The experiment. Impressions are split at random 70 / 10 / 20 (train / validation / test). Wide only (FTRL on raw
 * one-hot features + the chosen crosses), deep only (embeddings → ReLU 2-layer MLP, Adam) and joint (one logit = wide +
 * deep + bias, one log-loss into both) take every step on the same batch, in turn, from the same initial deep weights.
 * The ensemble blends the separately trained wide and deep logits with weights fitted on the validation impressions.
 * Epoch 0 is before training. Each epoch: test AUC and log-loss of the four models (and of the true probability on
 * synthetic worlds: the Bayes ceiling), and the log-loss on the planted exception impressions. At the end: the error
 * grid, the memorisation split and, when on, the crosses sweep (wide and joint at 0 … 300 top crosses).
 */
export function runWideDeep(config: WideDeepConfig, ctx: RunContext = {}): Promise<RunResult<WideDeepConfig>> {
  return runTraining<WideDeepConfig, WideDeepArtifacts>('wide-deep', config, ctx, (io) => {
    const data = checkedData(config, ctx);
    const root = new Rng(config.seed);
    const task = buildClickTask(data, { perUser: config.impressionsPerUser, clickRate: config.clickRate, threshold: config.clickThreshold }, root.fork('task'));
    heartbeat();
    const space = buildFeatureSpace(data);
    heartbeat();
    const stats = crossStats(space, task);
    const crosses = chooseCrosses(config.crosses, config.topCrosses, stats, space, data);
    const planted = new Set(data.groundTruth?.exceptions.length ? plantedCrosses(space, data) : []);
    const width = maxCrosses(space);
    const ranks = { main: crossIndex(crosses), sweep: crossIndex(stats.map((s) => s.key)) };
    const initSeed = root.fork('init').uint32();
    const order = root.fork('order');
    const ftrl = { alpha: config.ftrlAlpha, beta: 1, l1: config.l1, l2: 0 };
    const deepSpec = { numFeatures: space.size, dim: config.embeddingDim, slotField: space.slotField, numFields: space.fields.length, hidden: config.hidden };

    const contestant = (key: string, crossCount: number, ordering: 'main' | 'sweep', wide: boolean, deep: boolean): Contestant => {
      const model = createWideDeep({ wideSize: wide ? space.size + crossCount : 0, deep: deep ? deepSpec : null, rng: new Rng(initSeed) });
      return { key, crosses: crossCount, ordering, model, trainer: createWideDeepTrainer(model, { learningRate: config.learningRate, l2: config.l2, ftrl }) };
    };
    const main = [contestant('wide', crosses.length, 'main', true, false), contestant('deep', 0, 'main', false, true), contestant('joint', crosses.length, 'main', true, true)];
    const sweep = config.crossSweep
      ? SWEEP_CROSSES.flatMap((n) => [contestant(`sweep-wide-${n}`, Math.min(n, stats.length), 'sweep', true, false), contestant(`sweep-joint-${n}`, Math.min(n, stats.length), 'sweep', true, true)])
      : [];
    const all = [...main, ...sweep];
    const byKey = Object.fromEntries(main.map((c) => [c.key, c])) as Record<'wide' | 'deep' | 'joint', Contestant>;

    const trainRows = rowsIn(task, TRAIN);
    const validRows = rowsIn(task, VALID);
    const testRows = rowsIn(task, TEST);
    if (trainRows.length === 0 || validRows.length === 0 || testRows.length === 0) {
      throw new LabError(ErrorCode.DataUnsuitable, `'dataset': ${data.name} gives ${task.user.length} impressions, too few to split into training, validation and test: use more impressions per user or more data`);
    }
    const evalChunks = {
      main: { valid: chunked(space, task, validRows, ranks.main, width), test: chunked(space, task, testRows, ranks.main, width) },
      sweep: sweep.length ? { valid: chunked(space, task, validRows, ranks.sweep, width), test: chunked(space, task, testRows, ranks.sweep, width) } : null,
    };
    const testLabels = Uint8Array.from(testRows, (k) => task.label[k]);
    const validLabels = Uint8Array.from(validRows, (k) => task.label[k]);
    const exceptionTest = task.exception ? Uint8Array.from(testRows, (k) => task.exception![k]) : null;
    const hasExceptions = !!exceptionTest && exceptionTest.some((x) => x === 1);
    const bayesTest = task.truth ? Float64Array.from(testRows, (k) => task.truth![k]) : null;
    const field = gridField(space, data);
    let epochOrder = trainRows;
    let blend: Blend = { a: 0.5, b: 0.5, c: 0 };
    let finalProbs: Record<ModelId, Float64Array> | null = null;
    let epochsDone = 0;
    const steps = Math.ceil(trainRows.length / config.batchSize);
    /** The ensemble's size: its wide model, the deep model and the blend's weights. */
    const ensembleParams = (wide: WideDeepModel) => wide.paramCount() + byKey.deep.model.paramCount() + BLEND_PARAMS;
    const params: Record<ModelId, number> = {
      wide: byKey.wide.model.paramCount(),
      deep: byKey.deep.model.paramCount(),
      joint: byKey.joint.model.paramCount(),
      ensemble: ensembleParams(byKey.wide.model),
    };
    // The crosses the wide part got (the first 30), named once: they do not change during the run.
    const statOf = new Map(stats.map((x) => [x.key, x]));
    const crossList = crosses.slice(0, 30).map((key) => {
      const x = statOf.get(key);
      const f = Math.floor(key / space.size);
      return { name: `${space.names[f]} × ${space.names[key - f * space.size]}`, impressions: x?.impressions ?? 0, clicks: x?.clicks ?? 0, expected: x?.expected ?? 0, g: x?.g ?? 0, planted: planted.has(key) };
    });
    let lastDeep: { valid: Float32Array; test: Float32Array } | null = null;

    /** Test AUC, log-loss and exception log-loss of a model's probabilities, under its key. */
    const scored = (key: string, probs: ArrayLike<number>, out: Record<string, number>) => {
      heartbeat();
      out[`test/auc/${key}`] = auc(probs, testLabels);
      out[`test/logloss/${key}`] = logLoss(probs, testLabels);
      if (hasExceptions) out[`test/exceptionLogloss/${key}`] = logLoss(probs, testLabels, (j) => exceptionTest![j] === 1);
    };
    /** The wide and deep (or joint) logits on validation and test for one contestant. */
    const logitsOf = async (c: Contestant) => {
      const chunks = c.ordering === 'main' ? evalChunks.main : evalChunks.sweep!;
      return { valid: await predictLogits(space, c.model, c.crosses, chunks.valid), test: await predictLogits(space, c.model, c.crosses, chunks.test) };
    };
    const nonzero = async (m: WideDeepModel) => {
      if (!m.wide) return 0;
      const w = await m.wide.data();
      let n = 0;
      for (let j = 0; j < w.length - 1; j++) if (w[j] !== 0) n++;
      return n;
    };

    return {
      epochs: config.epochs,
      stepsPerEpoch: steps,
      info: {
        users: data.interactions.numUsers,
        items: data.interactions.numItems,
        impressions: task.user.length,
        trainImpressions: trainRows.length,
        testImpressions: testRows.length,
        clickRate: Number((task.label.reduce((s, y) => s + y, 0) / task.label.length).toFixed(4)),
        labels: task.source,
        features: `${space.size} one-hot features in ${space.fields.length} columns (${space.fields.map((f) => f.name).join(', ')})`,
        crosses: `${crosses.length} (${config.crosses}${config.crosses === 'top' ? ` ${config.topCrosses}` : ''}) of ${stats.length} seen in training`,
        ...(sweep.length ? { sweep: `wide and joint with the top ${SWEEP_CROSSES.map(sweepLabel).join(', ')} crosses` } : {}),
      },
      readbackEvery: 20,
      beginEpoch: () => void (epochOrder = order.shuffle(Int32Array.from(trainRows))),
      step: ({ index }) => {
        const rows = epochOrder.subarray(index * config.batchSize, (index + 1) * config.batchSize);
        const host = hostBatch(space, task, rows, ranks.main, width);
        const b = deviceBatch(space, host, crosses.length);
        const losses: Record<string, tf.Scalar> = {};
        const watched: tf.Scalar[] = [];
        try {
          for (const c of main) losses[`loss/${c.key}`] = c.trainer.step(b);
        } finally {
          disposeBatch(b);
        }
        if (sweep.length) {
          const sweepHost = hostBatch(space, task, rows, ranks.sweep, width);
          for (const c of sweep) {
            const sb = deviceBatch(space, sweepHost, c.crosses);
            try {
              watched.push(c.trainer.step(sb));
            } finally {
              disposeBatch(sb);
            }
          }
        }
        return { losses, watched };
      },
      async evaluate(epoch) {
        epochsDone = epoch;
        const wide = await logitsOf(byKey.wide);
        const deep = await logitsOf(byKey.deep);
        lastDeep = deep;
        const joint = await logitsOf(byKey.joint);
        heartbeat();
        blend = fitBlend(wide.valid, deep.valid, validLabels);
        heartbeat();
        const probs = (l: ArrayLike<number>) => Float64Array.from(l, sigmoid);
        const p: Record<ModelId, Float64Array> = {
          wide: probs(wide.test),
          deep: probs(deep.test),
          joint: probs(joint.test),
          ensemble: probs(blendLogits(blend, wide.test, deep.test)),
        };
        finalProbs = p;
        const out: Record<string, number> = {};
        for (const m of MODELS) scored(m, p[m], out);
        if (bayesTest) scored('bayes', bayesTest, out);
        io.artifact('models', {
          params,
          nonzeroWide: { wide: await nonzero(byKey.wide.model), joint: await nonzero(byKey.joint.model) },
          crosses: crossList,
          crossCount: crosses.length,
          blend,
        });
        return out;
      },
      async finish({ outcome, summary }) {
        if (outcome.status === 'diverged' || !finalProbs) return;
        const n = task.user.length;
        const preds: Predictions = {
          wide: spread(n, testRows, finalProbs.wide),
          deep: spread(n, testRows, finalProbs.deep),
          joint: spread(n, testRows, finalProbs.joint),
          ensemble: spread(n, testRows, finalProbs.ensemble),
          ...(bayesTest ? { bayes: spread(n, testRows, bayesTest) } : {}),
        };
        // A dataset without any item attribute (no genres, no relations) has no columns for the grid.
        if (field >= 0) io.artifact('errorGrid', errorGrid(space, task, preds, field, [...planted]));
        const split = memorisationSplit(space, task, preds);
        io.artifact('split', split);
        const extra: Record<string, number> = {};
        for (const b of split.buckets) {
          for (const [m, v] of Object.entries(b.auc)) extra[`test/auc/${m}/${b.id}`] = v;
          for (const [m, v] of Object.entries(b.logloss)) extra[`test/logloss/${m}/${b.id}`] = v;
        }
        for (const m of MODELS) extra[`params/${m}`] = params[m];
        let sweepArtifact: CrossSweepArtifact | null = null;
        // Only a completed run: a stopped one has trained past its last scored epoch, and the sweep would mix the two.
        if (sweep.length && outcome.status === 'completed') {
          // The deep model's logits of the last evaluation: a completed run has not stepped since.
          const deepL = lastDeep!;
          const rows: CrossSweepRow[] = [];
          for (const size of SWEEP_CROSSES) {
            const w = sweep.find((c) => c.key === `sweep-wide-${size}`)!;
            const j = sweep.find((c) => c.key === `sweep-joint-${size}`)!;
            const wl = await logitsOf(w);
            const jl = await logitsOf(j);
            const bl = fitBlend(wl.valid, deepL.valid, validLabels);
            const probs = { wide: Float64Array.from(wl.test, sigmoid), joint: Float64Array.from(jl.test, sigmoid), ensemble: Float64Array.from(blendLogits(bl, wl.test, deepL.test), sigmoid) };
            const r: Record<string, number> = {};
            for (const [m, pr] of Object.entries(probs)) scored(m, pr, r);
            rows.push({
              crosses: w.crosses,
              nonzeroWide: { wide: await nonzero(w.model), joint: await nonzero(j.model) },
              jointParams: j.model.paramCount(),
              ensembleParams: ensembleParams(w.model),
              auc: { wide: r['test/auc/wide'], joint: r['test/auc/joint'], ensemble: r['test/auc/ensemble'] },
              logloss: { wide: r['test/logloss/wide'], joint: r['test/logloss/joint'], ensemble: r['test/logloss/ensemble'] },
              exceptionLogloss: hasExceptions ? { wide: r['test/exceptionLogloss/wide'], joint: r['test/exceptionLogloss/joint'], ensemble: r['test/exceptionLogloss/ensemble'] } : null,
            });
            for (const m of ['wide', 'joint', 'ensemble'] as const) {
              extra[`sweep/${sweepLabel(size)}/auc/${m}`] = rows[rows.length - 1].auc[m];
              extra[`sweep/${sweepLabel(size)}/logloss/${m}`] = rows[rows.length - 1].logloss[m];
              const ex = rows[rows.length - 1].exceptionLogloss;
              if (ex) extra[`sweep/${sweepLabel(size)}/exceptionLogloss/${m}`] = ex[m];
            }
          }
          sweepArtifact = { epochs: epochsDone, deep: { params: byKey.deep.model.paramCount(), auc: summary['test/auc/deep'], logloss: summary['test/logloss/deep'], exceptionLogloss: hasExceptions ? summary['test/exceptionLogloss/deep'] : null }, rows };
          io.artifact('crossSweep', sweepArtifact);
        }
        // An empty bucket or a one-class one has no AUC: left out of the summary rather than written as NaN.
        const finite = Object.fromEntries(Object.entries(extra).filter(([, v]) => Number.isFinite(v)));
        return { summary: { ...summary, ...finite }, tables: reportTables(summary, split, sweepArtifact, hasExceptions, !!bayesTest) };
      },
      dispose() {
        for (const c of all) {
          c.trainer.dispose();
          c.model.dispose();
        }
      },
    };
  });
}

