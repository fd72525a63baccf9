// Trains MF (P = 1) and AMP-CF (P personas) step by step on the same batches, with full-ranking leave-one-out metrics.
import { gateStep } from '../../experiment/stepGate';
import { resolveDataset } from '../../data/datasetChoice';
import { nnz, type Dataset } from '../../data/dataset';
import { leaveOneOut } from '../../data/split';
import { ErrorCode, LabError } from '../../errors';
import { evalContext, type ListMetrics } from '../../experiment/evaluate';
import { evaluateModel } from '../../experiment/evaluateModel';
import { divergedMessage, firstNonFinite, LossBuffer } from '../../experiment/lossBuffer';
import type { ProgressEvent, RunContext, RunOutcome, RunResult } from '../../experiment/types';
import { createPopularity } from '../../models/popularity';
import { Rng } from '../../random/rng';
import { activeBackend } from '../../tf/backends';
import { SWEEP_MAX, type AmpCfConfig } from './config';
import { autoUser, explainUser } from './explanation';
import { createAmpCf, type AmpCf } from './model';
import { measurePersonaTruth, type PersonaTruthArtifact } from './personaTruth';
import { sweepRow, sweepTable, type PSweepArtifact } from './pSweep';
import { ampCfRecommender } from './recommender';
import { sampleEpoch } from './sampling';
import { createAmpCfTrainer, type AmpCfTrainer } from './training';

/** Loss values are read back from the device once per this many steps. */
const READBACK_EVERY = 10;

/** A model being trained: its key in the series ('mf', 'amp', or 'P4' for sweep-only models). */
interface Contestant {
  key: string;
  model: AmpCf;
  trainer: AmpCfTrainer;
  losses: LossBuffer;
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
    throw new LabError(ErrorCode.InvalidConfigValue, `'dataset': ${data.name} has no item genres, and this lab measures taste distance and ILD over genres: import an items file with genres`);
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
 * Epoch 0 is the untrained pair. After each epoch: one 'epoch' event (HR@K, NDCG@K, taste distance and ILD for
 * mf, amp and pop) and an 'explanation' artifact; at the end 'personaTruth' (data with ground truth) and 'pSweep'
 * (when on: P = 1 … 6, trained interleaved with the main pair). A non-finite loss in any model stops the run as
 * 'diverged', keeping every step before it.
 */
export async function runAmpCf(config: AmpCfConfig, ctx: RunContext = {}): Promise<RunResult<AmpCfConfig>> {
  const events: ProgressEvent[] = [];
  const emit = (e: ProgressEvent) => {
    events.push(e);
    ctx.onProgress?.(e);
  };
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
  const stepsPerEpoch = Math.ceil(nnz(train) / config.batchSize);
  const totalSteps = stepsPerEpoch * config.epochs;
  emit({
    kind: 'started',
    totalSteps,
    stepsPerEpoch,
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
  });

  const contestant = (key: string, P: number): Contestant => {
    const model = createAmpCf({ numUsers: train.numUsers, numItems: train.numItems, dim: config.dim, personas: P, rng: new Rng(initSeed) });
    const trainer = createAmpCfTrainer(model, { learningRate: config.learningRate, l2: config.l2, entropyWeight: config.entropyWeight });
    return { key, model, trainer, losses: new LossBuffer() };
  };
  const all = [contestant('mf', 1), contestant('amp', config.personas), ...sweepPs.map((P) => contestant(`P${P}`, P))];
  const [mf, amp] = all;
  const pop = createPopularity(train);
  let outcome: RunOutcome = { status: 'completed' };
  let step = 0;
  let epochsDone = 0;

  /** Reads pending losses of every model; emits the main pair's; returns false (and sets the outcome) on a non-finite one. */
  const drain = async (): Promise<boolean> => {
    const rows = await Promise.all(all.map((c) => c.losses.flush()));
    const bad = Math.min(...rows.map((r) => firstNonFinite(r)?.step ?? Infinity));
    rows[0].forEach((r, j) => {
      if (r.step >= bad) return;
      const values = { 'loss/mf': r.loss, 'loss/amp': rows[1][j].loss };
      emit({ kind: 'step', step: r.step, epoch: Math.ceil(r.step / stepsPerEpoch), totalSteps, values });
    });
    if (Number.isFinite(bad)) outcome = { status: 'diverged', atStep: bad, message: divergedMessage(bad) };
    return !Number.isFinite(bad);
  };
  const explain = async (epoch: number) =>
    emit({
      kind: 'artifact',
      name: 'explanation',
      data: await explainUser({ user, auto, epoch, amp: amp.model, mf: mf.model, train, heldOut, data, listSize: K }),
    });

  const tables: NonNullable<RunResult<AmpCfConfig>['tables']> = [];
  const extra: Record<string, number> = {};
  try {
    const evalCtx = evalContext(train, data, K);
    const popScores = await evaluateModel(pop, heldOut, evalCtx);
    const evaluate = async () =>
      epochValues(
        await evaluateModel(ampCfRecommender(mf.model, 'mf', 'MF'), heldOut, evalCtx),
        await evaluateModel(ampCfRecommender(amp.model, 'amp', 'AMP-CF'), heldOut, evalCtx),
        popScores,
      );
    emit({ kind: 'epoch', step: 0, epoch: 0, values: await evaluate() });
    await explain(0);
    training: for (let epoch = 1; epoch <= config.epochs; epoch++) {
      const lists = sampleEpoch(train, config.negatives, sampler);
      const w = lists.width;
      for (let s = 0; s < stepsPerEpoch; s++) {
        // While a pause holds the run here, the steps still on the device are shown first (gateStep).
        const gate = await gateStep(ctx, drain);
        if (gate !== 'step') {
          if (gate === 'aborted') outcome = { status: 'stopped', atStep: step };
          break training;
        }
        const a = s * config.batchSize;
        const b = Math.min(a + config.batchSize, lists.users.length);
        step++;
        for (const c of all) c.losses.push(step, c.trainer.step(lists.users.subarray(a, b), lists.items.subarray(a * w, b * w), w));
        if (mf.losses.size >= READBACK_EVERY || ctx.control?.wantsEachStep?.()) {
          if (!(await drain())) break training;
        }
      }
      if (!(await drain())) break;
      epochsDone = epoch;
      emit({ kind: 'epoch', step, epoch, values: await evaluate() });
      await explain(epoch);
    }
    if (outcome.status === 'stopped') await drain();

    // (Read through a cast: `drain`, a closure, may have set it, which the compiler's narrowing does not see.)
    if ((outcome as RunOutcome).status !== 'diverged') {
      if (data.groundTruth) {
        const t = await measurePersonaTruth(amp.model, train, data.groundTruth, data.itemGenres, data.genreNames.length, truthRng);
        if (t) {
          emit({ kind: 'artifact', name: 'personaTruth', data: t satisfies PersonaTruthArtifact });
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
        emit({ kind: 'artifact', name: 'pSweep', data: sweep });
        for (const r of rows) for (const m of ['hit', 'ndcg', 'tasteDistance', 'ild'] as const) extra[`sweep/P${r.personas}/${m}`] = r[m];
        tables.push(sweepTable(sweep));
      }
    }
  } finally {
    for (const c of all) {
      c.losses.dispose();
      c.trainer.dispose();
      c.model.dispose();
    }
    pop.dispose();
  }

  const summary: Record<string, number> = {};
  for (const e of events) if (e.kind === 'epoch') Object.assign(summary, e.values);
  Object.assign(summary, extra);
  return { labId: 'amp-cf', config, backend: activeBackend(), outcome, events, summary, ...(tables.length ? { tables } : {}) };
}

/** The persona-truth measure as a text table for the CLI report. */
function truthTable(t: PersonaTruthArtifact) {
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
