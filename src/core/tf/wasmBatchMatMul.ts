// tfjs-wasm's BatchMatMul with our SIMD kernel (tf/simdMatMul.ts) for the products its own kernel runs in a scalar
// loop: float32, rank 3, the same batch > 1 on both sides, no transpose flags (batchMatMulFast transposes explicitly).
// Everything else — batch 1 (XNNPACK), broadcast batches, transposes, other ranks — goes to tfjs's original kernel.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { SimdBatchMatMul } from './simdMatMul';

let original: tf.KernelConfig | null = null;
let simd: SimdBatchMatMul | null = null;

/** Whether our kernel takes this product (the rest goes to tfjs's). */
export function takesBatchMatMul(a: tf.TensorInfo, b: tf.TensorInfo, transposeA: boolean, transposeB: boolean): boolean {
  return (
    !transposeA && !transposeB && a.dtype === 'float32' && b.dtype === 'float32' &&
    a.shape.length === 3 && b.shape.length === 3 && a.shape[0] === b.shape[0] && a.shape[0] > 1 && a.shape[2] === b.shape[1]
  );
}

/** The original tfjs-wasm BatchMatMul config (for tests comparing against it); null before the override is installed. */
export function originalWasmBatchMatMul(): tf.KernelConfig | null {
  return original;
}

/**
 * Once per process, replaces the wasm backend's BatchMatMul kernel by one that runs our SIMD kernel where it applies.
 * Returns whether the override is in place (false where WebAssembly SIMD is unavailable: tfjs's kernel stays).
 */
export function installWasmBatchMatMul(): boolean {
  if (original) return true;
  const orig = tf.getKernel('BatchMatMul', 'wasm');
  if (!orig) return false;
  const kernel = SimdBatchMatMul.create();
  if (!kernel) return false;
  simd = kernel;
  original = orig;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    if (!takesBatchMatMul(a, b, transposeA, transposeB)) return orig.kernelFunc(args);
    const backend = args.backend as BackendWasm;
    const [B, M, K] = a.shape;
    const N = b.shape[2];
    if (!simd!.reserve(B, M, K, N)) return orig.kernelFunc(args); // our memory cannot grow that far
    const out = backend.makeOutput([B, M, N], 'float32');
    if (B * M * N === 0) return out;
    // Views after makeOutput: its allocation may grow the wasm heap and detach earlier views.
    const av = backend.typedArrayFromHeap(a) as Float32Array;
    const bv = backend.typedArrayFromHeap(b) as Float32Array;
    const ov = backend.typedArrayFromHeap(out) as Float32Array;
    if (K === 0) ov.fill(0);
    else simd!.run(av, bv, ov, B, M, K, N);
    return out;
  };
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({ ...orig, kernelFunc });
  return true;
}
