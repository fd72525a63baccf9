// The two training-step benchmarks (BPR-MF and a dense autoencoder) and a runner over tfjs backends.
import * as tf from '@tensorflow/tfjs';
import { createBprMf } from '../models/bprMf';
import { Rng } from '../random/rng';
import { selectBackend, type BackendName, type WasmPaths } from '../tf/backends';
import { createDenseAutoencoder } from './denseAutoencoder';
import { median, timeSteps, type RepPlan } from './timing';

/** Something that can take one training step and be freed. */
export interface BenchWorkload {
  step(): tf.Tensor;
  dispose(): void;
}

export type BenchId = 'mf-bpr' | 'dense-ae';

export interface BenchSpec {
  id: BenchId;
  label: string;
  create(rng: Rng): BenchWorkload;
}

/** Distinct pre-built batches each workload cycles through, so input generation is never timed. */
const BATCHES = 4;

/** BPR-MF as the pop-vs-mf lab trains it: 1000 users × 1700 items × 32 dims, batch 1024, Adam. */
export const MF_BENCH: BenchSpec = {
  id: 'mf-bpr',
  label: 'BPR-MF step 1000×1700×32, batch 1024',
  create(rng) {
    const [users, items, batch] = [1000, 1700, 1024];
    const mf = createBprMf(users, items, { dim: 32, learningRate: 0.01, optimizer: 'adam', l2: 1e-4, initStd: 0.1 }, rng.fork('init'));
    const draw = (n: number) => Int32Array.from({ length: batch }, () => rng.int(n));
    const triples = Array.from({ length: BATCHES }, () => ({ u: draw(users), i: draw(items), j: draw(items) }));
    let k = 0;
    return {
      step() {
        const t = triples[k++ % BATCHES];
        return mf.trainStep(t.u, t.i, t.j);
      },
      dispose: () => mf.dispose(),
    };
  },
};

/** Dense autoencoder 2000→256→64→256→2000, batch 128, multi-hot inputs with ~2% ones, Adam. */
export const AUTOENCODER_BENCH: BenchSpec = {
  id: 'dense-ae',
  label: 'Dense AE step 2000→256→64→256→2000, batch 128',
  create(rng) {
    const sizes = [2000, 256, 64, 256, 2000];
    const batch = 128;
    const ae = createDenseAutoencoder(sizes, 1e-3, rng.fork('init'));
    const inputs = Array.from({ length: BATCHES }, () => {
      const x = new Float32Array(batch * sizes[0]);
      for (let i = 0; i < x.length; i++) x[i] = rng.float() < 0.02 ? 1 : 0;
      return tf.tensor2d(x, [batch, sizes[0]]);
    });
    let k = 0;
    return {
      step: () => ae.trainStep(inputs[k++ % BATCHES]),
      dispose() {
        ae.dispose();
        inputs.forEach((x) => x.dispose());
      },
    };
  },
};

export const BENCHMARKS: readonly BenchSpec[] = [MF_BENCH, AUTOENCODER_BENCH];

/**
 * The standard plan: median of 20 steps after 30 warm-up steps. With 5, the first benchmark of a process still ran
 * in JavaScript's warm-up: BPR-MF's median was 2.9–4.3 ms against 1.7 ms after 30 (same process, same model).
 */
export const STANDARD_PLAN: RepPlan = { warmup: 30, reps: 20 };
/** For combinations that take about a second per step (the autoencoder on cpu or SwiftShader WebGPU). */
export const REDUCED_PLAN: RepPlan = { warmup: 2, reps: 5 };

/** Fewer reps where a step is slow, so a full run stays within minutes. */
export function planFor(id: BenchId, backend: string): RepPlan {
  return id === 'dense-ae' && (backend === 'cpu' || backend === 'webgpu') ? REDUCED_PLAN : STANDARD_PLAN;
}

export interface BenchResult {
  id: BenchId;
  label: string;
  backend: string;
  warmup: number;
  reps: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  samplesMs: number[];
}

/** Times one benchmark on the active backend (seed 1: the same weights and batches everywhere). */
export async function runBenchmark(
  spec: BenchSpec,
  plan: RepPlan,
  opts: { between?: () => Promise<void> } = {},
): Promise<BenchResult> {
  const w = spec.create(new Rng(1));
  try {
    const samplesMs = await timeSteps(() => w.step(), plan, { between: opts.between });
    return {
      id: spec.id,
      label: spec.label,
      backend: tf.getBackend(),
      ...plan,
      medianMs: median(samplesMs),
      minMs: Math.min(...samplesMs),
      maxMs: Math.max(...samplesMs),
      samplesMs,
    };
  } finally {
    w.dispose();
  }
}

export interface SuiteReport {
  results: BenchResult[];
  skipped: { backend: BackendName; reason: string }[];
}

/**
 * Runs every benchmark on each backend that starts here; a backend that does not start is listed as
 * skipped with the reason (never silently replaced by another).
 */
export async function runSuite(
  backends: readonly BackendName[],
  opts: {
    wasmPaths?: WasmPaths;
    plan?: (id: BenchId, backend: string) => RepPlan;
    benchmarks?: readonly BenchSpec[];
    between?: () => Promise<void>;
    onLog?: (line: string) => void;
  } = {},
): Promise<SuiteReport> {
  const report: SuiteReport = { results: [], skipped: [] };
  for (const name of backends) {
    let reason: string | undefined;
    try {
      const r = await selectBackend(name, { wasmPaths: opts.wasmPaths });
      if (r.active !== name) reason = r.attempts.find((a) => a.name === name)?.reason ?? 'failed to start';
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
    }
    if (reason) {
      report.skipped.push({ backend: name, reason });
      opts.onLog?.(`${name}: skipped (${reason})`);
      continue;
    }
    for (const spec of opts.benchmarks ?? BENCHMARKS) {
      const plan = (opts.plan ?? planFor)(spec.id, name);
      opts.onLog?.(`${name}: ${spec.label} (${plan.warmup} warm-up + ${plan.reps} timed steps)…`);
      const res = await runBenchmark(spec, plan, { between: opts.between });
      opts.onLog?.(`${name}: ${spec.id} median ${res.medianMs.toFixed(1)} ms`);
      report.results.push(res);
    }
  }
  return report;
}
