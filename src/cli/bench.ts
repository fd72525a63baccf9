// Entry point of `npm run bench`: ms per training step on each tfjs backend in Node, or in Chromium with --browser.
import { cpus } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { runSuite } from '../core/bench/benchmarks';
import { benchFullEvaluation } from '../core/bench/evaluationBench';
import { benchRecord, formatBenchTable, METHOD } from './benchReport';
import { runBrowserBench } from './browserBench';
import { writeTextFile } from './output';
import { REPO_ROOT } from './repoRoot';

const USAGE = `Usage: npm run bench [-- --browser]

Times one training step of BPR-MF (1000 users × 1700 items × 32 dims, batch 1024) and of a dense
autoencoder (2000→256→64→256→2000, batch 128) on every tfjs backend.
  (default)   in Node: wasm and cpu → bench-results/bench-node.json
  --browser   in headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium) via a Vite dev server:
              webgpu, webgl, wasm and cpu → bench-results/bench-browser.json`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const unknown = argv.find((a) => a !== '--browser');
  if (unknown) {
    process.stderr.write(`error: unknown argument '${unknown}'\n${USAGE}\n`);
    return 2;
  }
  const browser = argv.includes('--browser');
  process.stderr.write(`${METHOD}\n`);
  const { report, environment } = browser ? await runBrowserBench((l) => process.stderr.write(l + '\n')) : await runNodeBench();
  const path = join(REPO_ROOT, 'bench-results', browser ? 'bench-browser.json' : 'bench-node.json');
  // Evaluation is plain JS, the same in Node and the browser: measured in Node only.
  const evaluation = browser ? undefined : benchFullEvaluation();
  await writeTextFile(path, JSON.stringify({ ...benchRecord(report, environment, new Date()), evaluation }, null, 2) + '\n');
  const evalLine = evaluation
    ? `\n\n${evaluation.label}: ${evaluation.totalMs.toFixed(1)} ms median (top-k ${evaluation.topKMs.toFixed(1)} ms + all metrics), ${evaluation.reps} runs`
    : '';
  process.stdout.write(`${formatBenchTable(report)}${evalLine}\n\nwrote ${path}\n`);
  return report.results.length ? 0 : 1;
}

async function runNodeBench() {
  const report = await runSuite(['wasm', 'cpu'], { onLog: (l) => process.stderr.write(l + '\n') });
  const environment = { runtime: `Node ${process.version}`, platform: `${process.platform} ${process.arch}`, cpu: cpus()[0]?.model, cores: cpus().length, tfjs: tf.version.tfjs };
  return { report, environment };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error && e.stack ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
