// Trains MF (P = 1) and AMP-CF (P personas) step by step on the same batches, with full-ranking leave-one-out metrics.
import { resolveDataset } from '../../data/datasetChoice';
import { nnz, type Dataset } from '../../data/dataset';
import { leaveOneOut } from '../../data/split';
import { ErrorCode, LabError } from '../../errors';
import { evalContext, type ListMetrics } from '../../experiment/evaluate';
import { evaluateModel } from '../../experiment/evaluateModel';
import { runTraining } from '../../experiment/trainingLoop';
import type { ReportTable, RunContext, RunResult } from '../../experiment/types';
import { createAmpCf, type AmpCf } from '../../models/ampCf/model';
import { ampCfRecommender } from '../../models/ampCf/recommender';
import { createPopularity } from '../../models/popularity';
import { Rng } from '../../random/rng';
import type { AmpCfArtifacts } from './artifacts';
import { SWEEP_MAX, type AmpCfConfig } from './config';
import { autoUser, explainUser } from './explanation';
import { measurePersonaTruth, type PersonaTruthArtifact } from './personaTruth';
import { sweepRow, sweepTable, type PSweepArtifact } from './pSweep';
import { sampleEpoch } from './sampling';
import { createAmpCfTrainer, type AmpCfTrainer } from './training';

/** A model being trained: its key in the series ('mf', 'amp', or 'P4' for sweep-only models). */
interface Contestant {
  key: string;
  model: AmpCf;
  trainer: AmpCfTrainer;
}

function epochValues(mf: ListMetrics, amp: ListMetrics, pop: ListMetrics): Record<string, number> {
  const out: Record<string, number> = {};
  for (const metric of ['hit', 'ndcg', 'tasteDistance', 'ild']) {
    out[`${metric}/mf`] = mf[metric];
    out[`${metric}/amp`] = amp[metric];
    out[`${metric}/pop`] = pop[metric];
  }
  return out;
}

/** The data the lab can use: it needs item genres (taste distance, ILD, explanations) and an existing user. */
function checkedData(config: AmpCfConfig, ctx: RunContext): Dataset {
  const data = resolveDataset(config.dataset, ctx.dataset);
  if (data.genreNames.length === 0) {
    throw new LabError(ErrorCode.DataUnsuitable, `'dataset': ${data.name} has no item genres, and this lab measures taste distance and ILD over genres: import an items file with genres`);
  }
  const n = data.interactions.numUsers;
  if (config.user >= n) {
    throw new LabError(ErrorCode.InvalidConfigValue, `'user' = ${config.user} is not a user of ${data.name} (ids 0 … ${n - 1}, or −1 for automatic)`);
  }
  return data;
}

/**
 * The experiment. Leave-one-out (the last click by time when the data has timestamps, else one drawn at random)
 * with full ranking of every unseen item. MF and AMP-CF start from the same item vectors and take every step on the
 * same batch (same positives, same negatives), in turn, so their curves fill side by side and differ only in P.
 * Epoch 0 is the untrained pair. After each epoch: an 'explanation' artifact and one 'epoch' event (HR@K, NDCG@K,
 * taste distance and ILD for mf, amp and pop); at the end 'personaTruth' (data with ground truth) and 'pSweep'
 * (when on: P = 1 … 6, trained interleaved with the main pair). A non-finite loss in any model stops the run as
 * 'diverged', keeping every step before it.
 */
export function runAmpCf(config: AmpCfConfig, ctx: RunContext = {}): Promise<RunResult<AmpCfConfig>> {
  return runTraining<AmpCfConfig, AmpCfArtifacts>('amp-cf', config, ctx, (io) => {
    const data = checkedData(config, ctx);
    const root = new Rng(config.seed);
    const { train, heldOut } = leaveOneOut(data.interactions, root.fork('split'), data.timestamps);
    const initSeed = root.fork('init').uint32();
    const sampler = root.fork('sampling');
    const truthRng = root.fork('persona-truth');
    const K = config.listSize;
    const auto = config.user < 0;
    const user = auto ? autoUser(data, train, heldOut) : config.user;
    const sweepPs = config.pSweep ? Array.from({ length: SWEEP_MAX }, (_, i) => i + 1).filter((P) => P !== 1 && P !== config.personas) : [];

    const contestant = (key: string, P: number): Contestant => {
      const model = createAmpCf({ numUsers: train.numUsers, numItems: train.numItems, dim: config.dim, personas: P, rng: new Rng(initSeed) });
      return { key, model, trainer: createAmpCfTrainer(model, { learningRate: config.learningRate, l2: config.l2, entropyWeight: config.entropyWeight }) };
    };
    const all = [contestant('mf', 1), contestant('amp', config.personas), ...sweepPs.map((P) => contestant(`P${P}`, P))];
    const [mf, amp] = all;
    const pop = createPopularity(train);
    const evalCtx = evalContext(train, data, K);
    let popScores: ListMetrics | null = null;
    let lists: ReturnType<typeof sampleEpoch>;
    let epochsDone = 0;

    return {
      epochs: config.epochs,
      stepsPerEpoch: Math.ceil(nnz(train) / config.batchSize),
      info: {
        users: train.numUsers,
        items: train.numItems,
        trainInteractions: nnz(train),
        heldOutInteractions: nnz(heldOut),
        split: data.timestamps ? 'leave-one-out: last click by time' : 'leave-one-out: one random click per user',
        explainedUser: user,
        personas: config.personas,
        ...(sweepPs.length ? { sweep: `P = 1…${SWEEP_MAX}` } : {}),
      },
      readbackEvery: 10,
      beginEpoch: () => void (lists = sampleEpoch(train, config.negatives, sampler)),
      step: ({ index }) => {
        const w = lists.width;
        const a = index * config.batchSize;
        const b = Math.min(a + config.batchSize, lists.users.length);
        const [l0, l1, ...rest] = all.map((c) => c.trainer.step(lists.users.subarray(a, b), lists.items.subarray(a * w, b * w), w));
        // The sweep's extra models are checked for divergence too, but only the main pair is drawn per step.
        return { losses: { 'loss/mf': l0, 'loss/amp': l1 }, watched: rest };
      },
      async evaluate(epoch) {
        epochsDone = epoch;
        popScores ??= await evaluateModel(pop, heldOut, evalCtx);
        const values = epochValues(
          await evaluateModel(ampCfRecommender(mf.model, 'mf', 'MF'), heldOut, evalCtx),
          await evaluateModel(ampCfRecommender(amp.model, 'amp', 'AMP-CF'), heldOut, evalCtx),
          popScores,
        );
        io.artifact('explanation', await explainUser({ user, auto, epoch, amp: amp.model, mf: mf.model, train, heldOut, data, listSize: K }));
        return values;
      },
      async finish({ outcome, summary }) {
        if (outcome.status === 'diverged') return;
        const tables: ReportTable[] = [];
        const extra: Record<string, number> = {};
        if (data.groundTruth) {
          const t = await measurePersonaTruth(amp.model, train, data.groundTruth, data.itemGenres, data.genreNames.length, truthRng);
          if (t) {
            io.artifact('personaTruth', t);
            Object.assign(extra, { 'purity/amp': t.purity, 'purity/chance': t.chancePurity, 'purity/majority': t.majorityShare });
            tables.push(truthTable(t));
          }
        }
        if (sweepPs.length) {
          const byP = [...all].filter((c) => c.model.personas <= SWEEP_MAX).sort((x, y) => x.model.personas - y.model.personas);
          const seen = new Set<number>();
          const rows = [];
          for (const c of byP) {
            if (seen.has(c.model.personas)) continue; // P = 1 twice when the setting is 1
            seen.add(c.model.personas);
            rows.push(await sweepRow(c.model, heldOut, evalCtx, train, data, truthRng));
          }
          const sweep: PSweepArtifact = { schedule: 'interleaved', epochs: epochsDone, rows };
          io.artifact('pSweep', sweep);
          for (const r of rows) for (const m of ['hit', 'ndcg', 'tasteDistance', 'ild'] as const) extra[`sweep/P${r.personas}/${m}`] = r[m];
          tables.push(sweepTable(sweep));
        }
        return { summary: { ...summary, ...extra }, tables };
      },
      dispose() {
        for (const c of all) {
          c.trainer.dispose();
          c.model.dispose();
        }
        pop.dispose();
      },
    };
  });
}

/** The persona-truth measure as a text table for the CLI report. */
function truthTable(t: PersonaTruthArtifact): ReportTable {
  return {
    title: `Personas vs true tastes (P = ${t.personas}; ${t.users} users with ≥ 2 tastes, ${t.items} items)`,
    columns: ['measure', 'value'],
    rows: [
      ['persona purity (higher = personas follow tastes)', t.purity.toFixed(4)],
      ['chance (assignment permuted)', t.chancePurity.toFixed(4)],
      ['one persona (majority taste share)', t.majorityShare.toFixed(4)],
      ['personas in use per user', t.personasUsed.toFixed(2)],
    ],
  };
}
