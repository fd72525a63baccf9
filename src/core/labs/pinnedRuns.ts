// Small runs of every lab whose numbers were recorded before the engine's second edition (issue 10): the
// restructure must give the same numbers for the same seed. pinned.test.ts compares them with the record.
import type { ProgressEvent, RunResult } from '../experiment/types';

/** A lab, a small config on `tiny`, and a name for the record. */
export const PINNED_RUNS: { name: string; labId: string; config: Record<string, unknown> }[] = [
  { name: 'pop-vs-mf', labId: 'pop-vs-mf', config: { dataset: 'tiny', epochs: 3, seed: 5 } },
  { name: 'weighting dvao', labId: 'weighting', config: { dataset: 'tiny', epochs: 2, warmStartEpochs: 2, usersPerStep: 32 } },
  { name: 'weighting gradnorm', labId: 'weighting', config: { dataset: 'tiny', epochs: 2, warmStartEpochs: 2, usersPerStep: 32, method: 'gradnorm' } },
  { name: 'weighting rc re-ranked, kl, entropy', labId: 'weighting', config: { dataset: 'tiny', epochs: 1, warmStartEpochs: 2, usersPerStep: 32, method: 'rc', lists: 'consumption', klToWarm: 0.1, entropyBonus: 0.01 } },
  { name: 'weighting mult-vae', labId: 'weighting', config: { dataset: 'tiny', epochs: 1, warmStartEpochs: 2, usersPerStep: 32, backbone: 'mult-vae' } },
  { name: 'weighting amp-cf uw', labId: 'weighting', config: { dataset: 'tiny', epochs: 1, warmStartEpochs: 2, usersPerStep: 32, backbone: 'amp-cf', method: 'uw' } },
  { name: 'consumption', labId: 'consumption', config: { dataset: 'tiny', trainSeeds: 2, warmStartEpochs: 3, embeddingDim: 8 } },
  { name: 'mult-vae likelihoods', labId: 'mult-vae', config: { dataset: 'tiny', size: 'tiny', batchSize: 20, epochs: 3 } },
  { name: 'mult-vae models', labId: 'mult-vae', config: { dataset: 'tiny', size: 'tiny', batchSize: 20, epochs: 2, compare: 'models', anneal: 'fixed' } },
  { name: 'amp-cf with P sweep', labId: 'amp-cf', config: { dataset: 'tiny', epochs: 2, pSweep: true } },
];

/** The sum of every number in a JSON value (artifacts are compared by it). */
function numberSum(x: unknown): number {
  if (typeof x === 'number') return Number.isFinite(x) ? x : 0;
  if (Array.isArray(x)) return x.reduce((a: number, v) => a + numberSum(v), 0);
  if (x && typeof x === 'object') return Object.values(x).reduce((a: number, v) => a + numberSum(v), 0);
  return 0;
}

/** What a pinned run is compared by: its summary, per step key the sum and count of its values, per artifact its numbers' sum. */
export interface RunDigest {
  outcome: string;
  summary: Record<string, number>;
  steps: Record<string, [sum: number, count: number]>;
  epochs: number;
  artifacts: Record<string, number>;
}

export function digest(r: RunResult<unknown>): RunDigest {
  const steps: Record<string, [number, number]> = {};
  const artifacts: Record<string, number> = {};
  let epochs = 0;
  for (const e of r.events as ProgressEvent[]) {
    if (e.kind === 'step') {
      for (const [k, v] of Object.entries(e.values)) {
        const s = (steps[k] ??= [0, 0]);
        s[0] += Number.isFinite(v) ? v : 0;
        s[1]++;
      }
    } else if (e.kind === 'epoch') epochs++;
    else if (e.kind === 'artifact') artifacts[e.name] = numberSum(e.data);
  }
  return { outcome: r.outcome.status, summary: r.summary, steps, epochs, artifacts };
}
