// Picks the best working tfjs backend (WebGPU → WebGL → WASM → CPU), each confirmed by a smoke op.
import * as tf from '@tensorflow/tfjs';
import { ErrorCode, LabError } from '../errors';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { installWasmBatchMatMul } from './wasmBatchMatMul';

import { BACKENDS, describeBackend, NOT_TRIED, type BackendChoice, type BackendName, type BackendReport, type BackendAttempt } from './backendNames';

export { BACKENDS, describeBackend };
export type { BackendChoice, BackendName, BackendReport, BackendAttempt };

/** URLs of the three tfjs-wasm binaries, as a bundler emits them (browser only; Node finds them itself). */
export type WasmPaths = Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>;

let wasmConfigured = false;

/** Once per process: single-threaded wasm (threaded wasm hangs in minified builds and gave no speed-up on 2 cores). */
function configureWasm(paths?: WasmPaths): void {
  if (paths) setWasmPaths(paths);
  if (wasmConfigured) return;
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasmConfigured = true;
}

/** 2×2 · 2×1 matmul then sum: must give 10. Catches backends that initialise but compute nothing. */
async function smokeTest(): Promise<string | null> {
  const t = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[1], [1]])).sum());
  try {
    const [v] = await t.data();
    return v === 10 ? null : `smoke test computed ${v} instead of 10`;
  } finally {
    t.dispose();
  }
}

async function tryBackend(name: BackendName): Promise<string | null> {
  if (!tf.findBackendFactory(name)) {
    return name === 'webgpu' || name === 'webgl' ? 'not available outside a browser' : 'not registered';
  }
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (e) {
    return `failed to start: ${e instanceof Error ? e.message : String(e)}`;
  }
  // tfjs keeps the previous backend silently when the new one cannot start (WebGPU without an adapter).
  if (!ok || tf.getBackend() !== name) {
    return name === 'webgpu'
      ? 'no WebGPU adapter (the browser has WebGPU off, or no usable GPU)'
      : name === 'webgl'
        ? 'no WebGL context (GPU blocked or unavailable)'
        : 'failed to initialise';
  }
  // tfjs-wasm runs batched matmuls (batch > 1) in a scalar loop: ours in WebAssembly SIMD instead, once per process.
  if (name === 'wasm') installWasmBatchMatMul();
  try {
    return await smokeTest();
  } catch (e) {
    return `smoke test threw: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export interface SelectOptions {
  wasmPaths?: WasmPaths;
  /**
   * Lets the platform pass over a backend it knows to be slow here (a software GPU), with the reason.
   * Never applied to a backend the person forced.
   */
  skipInAuto?: (name: BackendName) => Promise<string | null>;
}

/**
 * Activates a backend. `auto` takes the first that passes in the order WebGPU → WebGL → WASM → CPU; a forced
 * choice is tried first and, if it fails, the same order follows. The report says why each was skipped.
 */
export async function selectBackend(choice: BackendChoice, opts: SelectOptions = {}): Promise<BackendReport> {
  configureWasm(opts.wasmPaths);
  const order: BackendName[] = choice === 'auto' ? [...BACKENDS] : [choice, ...BACKENDS.filter((b) => b !== choice)];
  const attempts: BackendAttempt[] = [];
  for (const name of order) {
    const reason = (name !== choice && (await opts.skipInAuto?.(name))) || (await tryBackend(name));
    attempts.push(reason ? { name, ok: false, reason } : { name, ok: true });
    if (!reason) {
      for (const rest of BACKENDS) {
        if (!attempts.some((a) => a.name === rest)) attempts.push({ name: rest, ok: false, reason: `${NOT_TRIED}: ${name} works` });
      }
      return { requested: choice, active: name, attempts };
    }
  }
  throw new LabError(ErrorCode.BackendUnavailable, `no tfjs backend works here: ${attempts.map((a) => `${a.name}: ${a.reason}`).join('; ')}`);
}


/** The backend tfjs is using now. */
export function activeBackend(): string {
  return tf.getBackend();
}
