// The one training loop every lab runs on: it owns the events, the bulk read-back of losses, the step gate (pause,
// +1 step, drain, abort), divergence, the outcome and the summary. A lab supplies its state, steps and scores.
import * as tf from '@tensorflow/tfjs';
import { activeBackend } from '../tf/backends';
import { heartbeat } from '../heartbeat';
import { gateStep } from './stepGate';
import type { ArtifactMap, ProgressEvent, ReportTable, RunContext, RunOutcome, RunResult } from './types';

export type StepEvent = Extract<ProgressEvent, { kind: 'step' }>;

/** The message shown when a run diverges. */
export function divergedMessage(step: number): string {
  return `diverged at step ${step} — try a lower learning rate`;
}

/** What one training step leaves for its step event. */
export interface StepReport {
  /**
   * The step's losses by series key: scalars still on the device (read back in bulk, every `readbackEvery` steps,
   * and freed by the loop) or numbers already read. A non-finite one means the run diverged at this step.
   */
  losses?: Record<string, tf.Scalar | number>;
  /** Values already on the CPU shown after the losses (rewards, weights, …); not checked for divergence. */
  values?: Record<string, number>;
  /** Losses of models trained alongside that are checked for divergence but not shown (e.g. a sweep's extra models). */
  watched?: tf.Scalar[];
}

/** Where a step falls: `step` counts from 1 over the run, `index` from 0 within its epoch (1-based). */
export interface StepAt {
  step: number;
  epoch: number;
  index: number;
}

/** What a lab hands the loop: its sizes, its steps and scores, and how to free what it made. */
export interface Training {
  epochs: number;
  stepsPerEpoch: number;
  /** Facts about the run shown when it starts (users, items, split, …). */
  info: Record<string, string | number>;
  /** Losses are read back once per this many steps (and at the end of every epoch, and whenever a pause holds the run). */
  readbackEvery: number;
  /** The backend to report, when not tfjs's active one (a run that trains nothing says 'none'). */
  backend?: string;
  /** Work after the 'started' event and before epoch 0 is scored (a warm start, say). */
  prepare?(): Promise<void>;
  /** Before the first step of each epoch (1-based): draw the epoch's order or samples. */
  beginEpoch?(epoch: number): void;
  /** One training step, or null when an abort interrupted it inside (the step does not count). */
  step(at: StepAt): StepReport | null | Promise<StepReport | null>;
  /** After the epoch's last step has been read back, before it is scored. */
  endEpoch?(epoch: number): void;
  /** The epoch's metrics (epoch 0: before training); `steps` are the step events of that epoch, in order. */
  evaluate(epoch: number, steps: readonly StepEvent[]): Promise<Record<string, number>>;
  /**
   * After the last epoch, a stop or a divergence: final views (artifacts) and the report. `summary` holds every
   * epoch value (later epochs override earlier); return another to replace it, and any tables.
   */
  finish?(end: { outcome: RunOutcome; summary: Record<string, number> }): Promise<{ summary?: Record<string, number>; tables?: ReportTable[] } | void>;
  /** Frees every tensor the lab made; called however the run ends. */
  dispose(): void;
}

/** What a lab's setup may do besides building its Training: emit views for its panel. */
export interface TrainingIO<A extends ArtifactMap> {
  /** A named view (JSON) for the lab's panel; a later one of the same name replaces it. */
  artifact<K extends keyof A & string>(name: K, data: A[K]): void;
}

/** One step waiting for its read-back. */
interface Pending {
  at: StepAt;
  report: StepReport;
}

/**
 * Runs a lab: `setup` builds the lab's state (validation errors thrown here end the run before it starts), then
 * the loop emits 'started', calls `prepare`, scores epoch 0 and trains `epochs` × `stepsPerEpoch` steps, scoring
 * after each epoch. Before every step it waits at the step gate (showing the steps still on the device while
 * paused); an abort ends the run as 'stopped' with every step taken reported; a non-finite loss ends it as
 * 'diverged', keeping every step before it and scoring no further epoch.
 */
export async function runTraining<C, A extends ArtifactMap = ArtifactMap>(
  labId: string,
  config: C,
  ctx: RunContext,
  setup: (io: TrainingIO<A>) => Training | Promise<Training>,
): Promise<RunResult<C>> {
  const events: ProgressEvent[] = [];
  const emit = (e: ProgressEvent) => {
    events.push(e);
    ctx.onProgress?.(e);
  };
  // Signs of life around each long stretch (see heartbeat.ts): the setup, scoring and steps run without yielding.
  heartbeat();
  const t = await setup({ artifact: (name, data) => emit({ kind: 'artifact', name, data }) });
  heartbeat();
  const totalSteps = t.epochs * t.stepsPerEpoch;
  emit({ kind: 'started', totalSteps, stepsPerEpoch: t.stepsPerEpoch, info: t.info });

  let pending: Pending[] = [];
  let epochSteps: StepEvent[] = [];
  let outcome: RunOutcome = { status: 'completed' };
  let step = 0;

  /** Reads back every pending step in one go, emits them in order; false (outcome set) at a non-finite loss. */
  const drain = async (): Promise<boolean> => {
    if (!pending.length) return true;
    const batch = pending;
    pending = [];
    const read = await readBack(batch);
    let bad: number | null = null;
    batch.forEach((p, j) => {
      if (bad !== null) return;
      if (!read[j].finite) {
        bad = p.at.step;
        return;
      }
      const e: StepEvent = { kind: 'step', step: p.at.step, epoch: p.at.epoch, totalSteps, values: { ...read[j].losses, ...p.report.values } };
      epochSteps.push(e);
      emit(e);
    });
    if (bad === null) return true;
    outcome = { status: 'diverged', atStep: bad, message: divergedMessage(bad) };
    return false;
  };

  let summary: Record<string, number> = {};
  let tables: ReportTable[] | undefined;
  try {
    await t.prepare?.();
    heartbeat();
    emit({ kind: 'epoch', step: 0, epoch: 0, values: await t.evaluate(0, []) });
    training: for (let epoch = 1; epoch <= t.epochs; epoch++) {
      t.beginEpoch?.(epoch);
      for (let index = 0; index < t.stepsPerEpoch; index++) {
        // While a pause holds the run here, the steps still on the device are shown first.
        const gate = await gateStep(ctx, drain);
        if (gate !== 'step') {
          if (gate === 'aborted') outcome = { status: 'stopped', atStep: step };
          break training;
        }
        const at = { step: step + 1, epoch, index };
        heartbeat();
        const report = await t.step(at);
        if (!report) {
          outcome = { status: 'stopped', atStep: step };
          break training;
        }
        step++;
        pending.push({ at, report });
        // A free run reads back in bulk; single-stepping shows each step when the gate holds again (drain).
        if (pending.length >= t.readbackEvery) {
          if (!(await drain())) break training;
        }
      }
      if (!(await drain())) break;
      t.endEpoch?.(epoch);
      heartbeat();
      const values = await t.evaluate(epoch, epochSteps);
      heartbeat();
      epochSteps = [];
      emit({ kind: 'epoch', step, epoch, values });
    }
    if (outcome.status === 'stopped') await drain();
    for (const e of events) if (e.kind === 'epoch') Object.assign(summary, e.values);
    heartbeat();
    const end = await t.finish?.({ outcome, summary });
    if (end?.summary) summary = end.summary;
    tables = end?.tables;
  } finally {
    for (const p of pending) disposeReport(p.report);
    t.dispose();
  }
  return { labId, config, backend: t.backend ?? activeBackend(), outcome, events, summary, ...(tables?.length ? { tables } : {}) };
}

/** Each pending step's losses as numbers, and whether all of them (watched ones included) are finite. One read-back. */
async function readBack(batch: readonly Pending[]): Promise<{ losses: Record<string, number>; finite: boolean }[]> {
  const onDevice: tf.Scalar[] = [];
  for (const p of batch) {
    for (const v of Object.values(p.report.losses ?? {})) if (typeof v !== 'number') onDevice.push(v);
    onDevice.push(...(p.report.watched ?? []));
  }
  let values: ArrayLike<number> = [];
  if (onDevice.length) {
    const stacked = tf.stack(onDevice);
    try {
      values = await stacked.data();
    } finally {
      stacked.dispose();
      onDevice.forEach((s) => s.dispose());
    }
  }
  let k = 0;
  return batch.map((p) => {
    const losses: Record<string, number> = {};
    let finite = true;
    for (const [key, v] of Object.entries(p.report.losses ?? {})) {
      losses[key] = typeof v === 'number' ? v : values[k++];
      if (!Number.isFinite(losses[key])) finite = false;
    }
    for (let w = 0; w < (p.report.watched?.length ?? 0); w++) if (!Number.isFinite(values[k++])) finite = false;
    return { losses, finite };
  });
}

function disposeReport(r: StepReport): void {
  for (const v of Object.values(r.losses ?? {})) if (typeof v !== 'number') v.dispose();
  r.watched?.forEach((s) => s.dispose());
}
