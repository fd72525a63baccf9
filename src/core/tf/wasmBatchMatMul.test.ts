// Our WebAssembly SIMD batched matmul (simdMatMul.ts) and its override of tfjs-wasm's BatchMatMul
// (wasmBatchMatMul.ts): the same products as tfjs's own kernel, and everything it does not take still goes there.
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { SimdBatchMatMul, simdMatMulModuleBytes, webAssemblyApi } from './simdMatMul';
import { installWasmBatchMatMul, originalWasmBatchMatMul, takesBatchMatMul } from './wasmBatchMatMul';

/** Deterministic values in [−1, 1) (no Math.random in src/core). */
function filled(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

function expectClose(ours: ArrayLike<number>, ref: ArrayLike<number>, rel = 1e-5): void {
  expect(ours.length).toBe(ref.length);
  let scale = 0;
  for (let i = 0; i < ref.length; i++) scale = Math.max(scale, Math.abs(ref[i]));
  for (let i = 0; i < ref.length; i++) {
    if (Math.abs(ours[i] - ref[i]) > rel * Math.max(Math.abs(ref[i]), scale * 1e-2, 1e-30)) {
      expect.fail(`element ${i}: ${ours[i]} against ${ref[i]}`);
    }
  }
}

describe('the SIMD kernel alone', () => {
  it('validates as a WebAssembly module (Node has SIMD)', () => {
    expect(webAssemblyApi()?.validate(simdMatMulModuleBytes())).toBe(true);
  });

  it('computes a hand-worked example', () => {
    // batch 0: [[1, 2], [3, 4]] · [[1, 0, 2], [0, 1, 3]] = [[1, 2, 8], [3, 4, 18]]
    // batch 1: [[−1, 0.5], [2, 2]] · [[2, 2, 2], [4, 0, −2]] = [[0, −2, −3], [12, 4, 0]]
    const k = SimdBatchMatMul.create()!;
    const out = new Float32Array(12);
    k.run(
      Float32Array.from([1, 2, 3, 4, -1, 0.5, 2, 2]),
      Float32Array.from([1, 0, 2, 0, 1, 3, 2, 2, 2, 4, 0, -2]),
      out, 2, 2, 2, 3,
    );
    expect(Array.from(out)).toEqual([1, 2, 8, 3, 4, 18, 0, -2, -3, 12, 4, 0]);
  });

  it.each([1, 2, 3, 4])('sums each element in k order like a scalar float32 loop (tiles of %i vectors), reusing its memory', (tile) => {
    const k = SimdBatchMatMul.create(tile)!;
    for (const [B, M, K, N] of [[3, 5, 7, 9], [2, 1, 1, 1], [4, 9, 1, 13], [7, 1, 5, 3], [64, 31, 16, 31], [2, 8, 8, 8], [3, 6, 5, 29], [2, 4, 2, 12]]) {
      const a = filled(B * M * K, 1 + B);
      const b = filled(B * K * N, 2 + N);
      const out = new Float32Array(B * M * N);
      k.run(a, b, out, B, M, K, N);
      const ref = new Float32Array(B * M * N);
      for (let p = 0; p < B; p++) {
        for (let i = 0; i < M; i++) {
          for (let j = 0; j < N; j++) {
            let s = 0;
            for (let q = 0; q < K; q++) s = Math.fround(s + Math.fround(a[(p * M + i) * K + q] * b[(p * K + q) * N + j]));
            ref[(p * M + i) * N + j] = s;
          }
        }
      }
      expect(Array.from(out)).toEqual(Array.from(ref));
    }
  });

  it('refuses, without growing, a product whose operands exceed 4 GiB (the override then leaves it to tfjs)', () => {
    const k = SimdBatchMatMul.create()!;
    expect(k.reserve(1024, 1024, 1024, 2)).toBe(false);
    expect(() => k.run(new Float32Array(0), new Float32Array(0), new Float32Array(0), 1024, 1024, 1024, 2)).toThrow(RangeError);
    expect(k.reserve(2, 3, 4, 5)).toBe(true);
  });
});

describe('the BatchMatMul override on wasm', () => {
  beforeAll(async () => {
    await useWasm();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is installed by selectBackend, idempotently, keeping the original kernel', () => {
    expect(originalWasmBatchMatMul()).not.toBeNull();
    const ours = tf.getKernel('BatchMatMul', 'wasm');
    expect(ours).not.toBe(originalWasmBatchMatMul());
    expect(installWasmBatchMatMul()).toBe(true);
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(ours);
  });

  /** a·b through whichever BatchMatMul kernel is registered for wasm now, or through `config` for the call. */
  async function matMulWith(config: tf.KernelConfig | null, a: tf.Tensor, b: tf.Tensor, ta = false, tb = false): Promise<Float32Array> {
    const registered = tf.getKernel('BatchMatMul', 'wasm')!;
    if (config) {
      tf.unregisterKernel('BatchMatMul', 'wasm');
      tf.registerKernel(config);
    }
    try {
      const out = tf.matMul(a, b, ta, tb);
      const v = (await out.data()) as Float32Array;
      out.dispose();
      return v;
    } finally {
      if (config) {
        tf.unregisterKernel('BatchMatMul', 'wasm');
        tf.registerKernel(registered);
      }
    }
  }

  it.each([
    [2, 3, 5, 7],
    [2, 1, 4, 5],
    [3, 6, 1, 9],
    [5, 4, 4, 1],
    [8, 31, 16, 31],
    [16, 31, 31, 16],
    [512, 16, 31, 31],
    [512, 31, 16, 31],
    [32, 109, 16, 109],
  ])('tf.matMul of [%i, %i, %i] · [B, K, %i] equals tfjs’s own kernel', async (B, M, K, N) => {
    const a = tf.tensor3d(filled(B * M * K, 11 + M), [B, M, K]);
    const b = tf.tensor3d(filled(B * K * N, 13 + N), [B, K, N]);
    const spy = vi.spyOn(originalWasmBatchMatMul()!, 'kernelFunc');
    const ours = await matMulWith(null, a, b);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    const theirs = await matMulWith(originalWasmBatchMatMul(), a, b);
    expectClose(ours, theirs);
    a.dispose();
    b.dispose();
  });

  it('takes only float32 rank-3 products with the same batch > 1 and no transpose', () => {
    const info = (shape: number[], dtype: tf.DataType = 'float32') => ({ shape, dtype, dataId: {} }) as tf.TensorInfo;
    expect(takesBatchMatMul(info([4, 2, 3]), info([4, 3, 5]), false, false)).toBe(true);
    expect(takesBatchMatMul(info([4, 2, 3]), info([4, 5, 3]), false, true)).toBe(false);
    expect(takesBatchMatMul(info([4, 3, 2]), info([4, 3, 5]), true, false)).toBe(false);
    expect(takesBatchMatMul(info([1, 2, 3]), info([1, 3, 5]), false, false)).toBe(false);
    expect(takesBatchMatMul(info([4, 2, 3]), info([1, 3, 5]), false, false)).toBe(false);
    expect(takesBatchMatMul(info([2, 3]), info([3, 5]), false, false)).toBe(false);
    expect(takesBatchMatMul(info([2, 4, 2, 3]), info([2, 4, 3, 5]), false, false)).toBe(false);
    expect(takesBatchMatMul(info([4, 2, 3], 'int32'), info([4, 3, 5]), false, false)).toBe(false);
  });

  it.each([
    ['transposed a', [4, 3, 2], [4, 3, 5], true, false],
    ['transposed b', [4, 2, 3], [4, 5, 3], false, true],
    ['broadcast batch', [4, 2, 3], [1, 3, 5], false, false],
    ['batch 1', [1, 2, 3], [1, 3, 5], false, false],
    ['rank 2', [2, 3], [3, 5], false, false],
    ['rank 4', [2, 2, 2, 3], [2, 2, 3, 5], false, false],
  ] as const)('leaves %s to tfjs’s kernel, with its result', async (_, sa, sb, ta, tb) => {
    const size = (s: readonly number[]) => s.reduce((x, y) => x * y, 1);
    const a = tf.tensor(filled(size(sa), 3), [...sa]);
    const b = tf.tensor(filled(size(sb), 5), [...sb]);
    const spy = vi.spyOn(originalWasmBatchMatMul()!, 'kernelFunc');
    const ours = await matMulWith(null, a, b, ta, tb);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    const theirs = await matMulWith(originalWasmBatchMatMul(), a, b, ta, tb);
    expect(Array.from(ours)).toEqual(Array.from(theirs));
    a.dispose();
    b.dispose();
  });

  it('gives the gradients of tfjs’s own kernel (tfjs’s registered gradient, through our forward kernel)', async () => {
    const a = tf.tensor3d(filled(3 * 5 * 4, 7), [3, 5, 4]);
    const b = tf.tensor3d(filled(3 * 4 * 6, 9), [3, 4, 6]);
    const grads = async () => {
      const gs = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(tf.matMul(x, y))))([a, b]);
      const v = await Promise.all(gs.map((g) => g.data()));
      tf.dispose(gs);
      return v;
    };
    const ours = await grads();
    const registered = tf.getKernel('BatchMatMul', 'wasm')!;
    tf.unregisterKernel('BatchMatMul', 'wasm');
    tf.registerKernel(originalWasmBatchMatMul()!);
    try {
      const theirs = await grads();
      expectClose(ours[0], theirs[0]);
      expectClose(ours[1], theirs[1]);
    } finally {
      tf.unregisterKernel('BatchMatMul', 'wasm');
      tf.registerKernel(registered);
    }
    a.dispose();
    b.dispose();
  });
});
