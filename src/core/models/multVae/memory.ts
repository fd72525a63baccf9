// Will the models fit? A pure estimate of a Mult-VAE run's tensor memory, and each backend's budget.
import { ErrorCode, LabError } from '../../errors';
import type { FirstLayerMode } from './firstLayer';
import type { ModelKind } from './options';

/** What a run's memory depends on. */
export interface MemoryPlan {
  numItems: number;
  hidden: number;
  latent: number;
  batchSize: number;
  /** One entry per model trained side by side (each holds its weights and Adam's moments for the whole run). */
  models: readonly ModelKind[];
  firstLayer: FirstLayerMode;
}

/** B × I float tensors alive at the peak of a step: targets, logits, log-softmax, products, their gradients. */
const BATCH_BY_ITEMS = 8;
/** Extra B × I tensors of the dense first layer (the input x̃ and its transpose in the backward pass). */
const DENSE_INPUT = 2;
/** B × hidden tensors of a step (activations, tanh, their gradients), generously. */
const BATCH_BY_HIDDEN = 12;
/** Users scored per evaluation block (logits block × I, plus its copy read back). */
export const EVAL_BLOCK = 256;

/** Parameters of one model: W₁ (I × H), W₂ (H × heads·L), W₃ (L × H), W₄ (H × I) and their biases. */
export function paramCount(numItems: number, hidden: number, latent: number, kind: ModelKind): number {
  const heads = kind === 'vae' ? 2 : 1;
  return numItems * hidden + hidden + hidden * heads * latent + heads * latent + latent * hidden + hidden + hidden * numItems + numItems;
}

/**
 * Estimated peak bytes of float32 tensors: every model's weights and Adam's two moment slots (3 copies),
 * plus, for the one model stepping at a time, a gradient copy of its weights and the step's activations
 * (≈ 8 B × I tensors; 2 more for the dense first layer; ≈ 12 B × H), plus one evaluation block (2 × 256 × I).
 * An estimate, not a measurement: allocator slack comes on top.
 */
export function estimateBytes(p: MemoryPlan): number {
  const params = p.models.map((k) => paramCount(p.numItems, p.hidden, p.latent, k));
  const resident = 3 * params.reduce((a, b) => a + b, 0);
  const step = Math.max(0, ...params) + (BATCH_BY_ITEMS + (p.firstLayer === 'dense' ? DENSE_INPUT : 0)) * p.batchSize * p.numItems + BATCH_BY_HIDDEN * p.batchSize * p.hidden;
  const evaluation = 2 * EVAL_BLOCK * p.numItems;
  return 4 * (resident + step + evaluation);
}

const GiB = 1024 ** 3;

/**
 * The tensor memory a run may plan for on each tfjs backend, in bytes. Chosen, not measured:
 * wasm 2 GiB (tfjs-wasm's heap can grow to 4 GiB, but browsers have capped wasm memory at 2 GiB and growth
 * fails earlier when the address space is fragmented); cpu 2 GiB (plain typed arrays in one tab);
 * webgl 1 GiB (float textures on an integrated GPU share system memory with everything else);
 * webgpu 2 GiB; anything else 2 GiB.
 */
export function memoryBudgetBytes(backend: string): number {
  return backend === 'webgl' ? 1 * GiB : 2 * GiB;
}

/** The largest catalogue whose estimate fits `budget` with everything else in `p` unchanged (0 if none does). */
export function largestCatalogue(p: Omit<MemoryPlan, 'numItems'>, budget: number): number {
  // The estimate is affine in the number of items: bytes(I) = a + b·I.
  const a = estimateBytes({ ...p, numItems: 0 });
  const b = estimateBytes({ ...p, numItems: 1 }) - a;
  return Math.max(0, Math.floor((budget - a) / b));
}

/** "1.23 GiB" / "456 MiB". */
export function formatBytes(bytes: number): string {
  return bytes >= GiB ? `${(bytes / GiB).toFixed(2)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

/**
 * Throws OL101 (InvalidConfigValue) when the plan's estimate exceeds the backend's budget, with the estimate, the
 * budget and the largest catalogue that would fit at these sizes.
 */
export function checkMemory(p: MemoryPlan, backend: string): void {
  const bytes = estimateBytes(p);
  const budget = memoryBudgetBytes(backend);
  if (bytes <= budget) return;
  const fits = largestCatalogue(p, budget);
  throw new LabError(
    ErrorCode.InvalidConfigValue,
    `a catalogue of ${p.numItems.toLocaleString('en-US')} items needs about ${formatBytes(bytes)} of tensors on ${backend} ` +
      `(budget ${formatBytes(budget)}) for ${p.models.length} model(s) at hidden ${p.hidden}, latent ${p.latent}, batch ${p.batchSize}; ` +
      `the largest catalogue that fits at these sizes is ${fits.toLocaleString('en-US')} items. ` +
      `Try size 'small' or 'tiny', a smaller batch, compare 'none', or import fewer items.`,
  );
}
