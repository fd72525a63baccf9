// The browser side of `npm run bench -- --browser`: runs the core benchmarks on all four backends.
import { wasmPaths } from '../worker/browserBackends';
import { runSuite, type SuiteReport } from '../core/bench/benchmarks';

export interface BrowserBenchOutput {
  report: SuiteReport;
  environment: Record<string, unknown>;
}

declare global {
  interface Window {
    __bench?: BrowserBenchOutput;
    __benchError?: string;
  }
}

const logEl = document.getElementById('log');
const log = (line: string) => {
  console.log(`[bench] ${line}`);
  if (logEl) logEl.textContent += line + '\n';
};

/** What WebGPU adapter this browser offers (SwiftShader in headless Chromium: software, useless for timing). */
async function webgpuAdapter(): Promise<Record<string, unknown> | string> {
  type Gpu = { requestAdapter(): Promise<{ info?: Record<string, unknown>; isFallbackAdapter?: boolean } | null> };
  const gpu = (navigator as unknown as { gpu?: Gpu }).gpu;
  if (!gpu) return 'navigator.gpu is missing';
  const a = await gpu.requestAdapter();
  if (!a) return 'no adapter';
  const info = a.info ?? {};
  return { vendor: info.vendor, architecture: info.architecture, description: info.description, isFallbackAdapter: a.isFallbackAdapter ?? info.isFallbackAdapter };
}

async function main(): Promise<void> {
  const environment = { userAgent: navigator.userAgent, cores: navigator.hardwareConcurrency, webgpuAdapter: await webgpuAdapter() };
  const report = await runSuite(['webgpu', 'webgl', 'wasm', 'cpu'], {
    wasmPaths,
    // Between (never inside) timed steps: lets the page and the test driver's polling breathe.
    between: () => new Promise((r) => setTimeout(r, 0)),
    onLog: log,
  });
  window.__bench = { report, environment };
}

main().catch((e: unknown) => {
  window.__benchError = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  log(`failed: ${window.__benchError}`);
});
