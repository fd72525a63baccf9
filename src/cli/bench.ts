// Entry point of `npm run bench`: ms per training step on each tfjs backend in Node, or in Chromium with --browser.
import { cpus } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { runSuite } from '../core/bench/benchmarks';
import { benchFullEvaluation } from '../core/bench/evaluationBench';
import { benchPolicyStep, benchWeightingSweep, type PolicyStepBenchResult, type WeightingSweepBenchResult } from '../core/bench/weightingBench';
import { selectBackend } from '../core/tf/backends';
import { builtinDataset } from '../core/data/synthetic';
import { userItems } from '../core/data/dataset';
import { benchFirstLayer, type FirstLayerTiming } from '../core/bench/firstLayerBench';
import { MODEL_SIZES } from '../core/models/multVae/options';
import { benchWideDeepStep, type WideDeepBenchResult } from '../core/bench/wideDeepBench';
import { benchKgat, type KgatBenchResult } from '../core/bench/kgatBench';
import { benchP5, type P5BenchResult } from '../core/bench/p5Bench';
import { benchConversationPlay, type ConversationBenchResult } from '../core/bench/conversationBench';
import { benchAmpCfStep, type AmpCfBenchResult } from '../core/bench/ampCfBench';
import { benchSoftmaxMfStep, type SoftmaxMfBenchResult } from '../core/bench/softmaxMfBench';
import { benchRecord, formatBenchTable, METHOD } from './benchReport';
import { runBrowserBench } from './browserBench';
import { findTorchPython, formatRatios, runReferences, type OurStep } from './references';
import { formatAppResult } from './appBench';
import { writeTextFile } from './output';
import { REPO_ROOT } from './repoRoot';

const USAGE = `Usage: npm run bench [-- --browser | --app | --sweep]

Times one training step of BPR-MF (1000 users × 1700 items × 32 dims, batch 1024) and of a dense
autoencoder (2000→256→64→256→2000, batch 128) on every tfjs backend.
  (default)   in Node: wasm and cpu → bench-results/bench-node.json
  --browser   in headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium) via a Vite dev server:
              webgpu, webgl, wasm and cpu → bench-results/bench-browser.json; then it builds the app, serves
              it with vite preview and trains the default lab (and the first minute of weighting and
              mult-vae) on workshop with wasm: the time from navigation to the first chart point, and the
              main thread's long tasks (over 50 ms) during the run
  --app       only the app part of --browser → bench-results/bench-app.json
              (APP_BENCH_LABS=pop-vs-mf,weighting picks the labs)
In Node it also times one policy step of the weighting lab on wasm (DVAO, workshop, 64 users × 8 slates ×
10 items; median after warm-up) and the tensor count over 1,000 steps (or as many as fit in 60 s), and
Mult-VAE's first layer and whole step (paper size 600/200, 500 workshop users × 1,700 items, dropout 0.5) with
the sparse gather-sum input against a dense X·W₁, one Wide & Deep step of each model (wide, deep, joint;
workshop impressions, batch 256), one AMP-CF step (workshop, P = 3 personas, d = 8, batch 1,024 × (1 + 8)
candidates) and one warm-start step of the consumption lab's softmax MF (workshop, d = 32, 64 users × all
1,700 items), each at its lab's defaults.
  --sweep     Node only: also time an 11-point hand-weight sweep of the weighting lab (relevance w,
              diversity 1 − w, default epochs; about a minute)
In Node, where a python3 imports torch (or BENCH_PYTHON names one), the PyTorch references in
src/core/bench/reference/ time the same steps on one thread and the table gives ours / PyTorch.
  --no-reference   skip the PyTorch references`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const unknown = argv.find((a) => a !== '--browser' && a !== '--sweep' && a !== '--app' && a !== '--no-reference');
  if (unknown) {
    process.stderr.write(`error: unknown argument '${unknown}'\n${USAGE}\n`);
    return 2;
  }
  const appOnly = argv.includes('--app');
  const browser = argv.includes('--browser') || appOnly;
  const sweep = argv.includes('--sweep');
  if (browser && sweep) {
    process.stderr.write(`error: --sweep runs in Node only; leave out --browser\n${USAGE}\n`);
    return 2;
  }
  process.stderr.write(`${METHOD}\n`);
  const { report, environment, app } = browser
    ? await runBrowserBench((l) => process.stderr.write(l + '\n'), { steps: !appOnly, app: true })
    : { ...(await runNodeBench()), app: undefined };
  // --app alone leaves the last full browser record as it is.
  const path = join(REPO_ROOT, 'bench-results', appOnly ? 'bench-app.json' : browser ? 'bench-browser.json' : 'bench-node.json');
  // Evaluation is plain JS, the same in Node and the browser: measured in Node only.
  const evaluation = browser ? undefined : benchFullEvaluation();
  const weighting = browser ? undefined : await runWeightingBench(sweep);
  const multVae = browser ? undefined : await runMultVaeBench();
  const wideDeep = browser ? undefined : await runWideDeepBench();
  const conversation = browser ? undefined : await runConversationBench();
  const kgat = browser ? undefined : await runKgatBench();
  const p5 = browser ? undefined : await runP5Bench();
  const ampCf = browser ? undefined : await runAmpCfBench();
  const softmaxMf = browser ? undefined : await runSoftmaxMfBench();
  const python = browser || argv.includes('--no-reference') ? undefined : findTorchPython();
  const references = python ? runReferences(python, (l) => process.stderr.write(l + '\n')) : undefined;
  const ours = browser ? [] : ourSteps({ results: report.results, weighting: weighting!, multVae: multVae!, wideDeep: wideDeep!, conversation: conversation!, kgat: kgat!, p5: p5!, ampCf: ampCf!, softmaxMf: softmaxMf! });
  const reference = references && { python: references.python, version: references.version, ms: Object.fromEntries(references.ms), failed: references.failed };
  await writeTextFile(path, JSON.stringify({ ...benchRecord(report, environment, new Date()), evaluation, weighting, multVae, wideDeep, conversation, kgat, p5, ampCf, softmaxMf, reference }, null, 2) + '\n');
  await writeTextFile(path, JSON.stringify({ ...benchRecord(report, environment, new Date()), evaluation, weighting, multVae, wideDeep, conversation, kgat, p5, app }, null, 2) + '\n');
  const evalLine = evaluation
    ? `\n\n${evaluation.label}: ${evaluation.totalMs.toFixed(1)} ms median (top-k ${evaluation.topKMs.toFixed(1)} ms + all metrics), ${evaluation.reps} runs`
    : '';
  const weightingLines = weighting ? '\n' + formatWeighting(weighting.step, weighting.sweep) : '';
  const multVaeLines = multVae ? '\n\n' + multVae.map((t) => `Mult-VAE ${t.mode} first layer: ${t.layerMs.toFixed(1)} ms (forward + backward), whole step ${t.stepMs.toFixed(1)} ms`).join('\n') : '';
  const wideDeepLines = wideDeep ? `\n\n${wideDeep.label} on ${wideDeep.backend}: ` + wideDeep.steps.map((s) => `${s.model} ${s.medianMs.toFixed(1)} ms (${s.params} parameters)`).join(', ') : '';
  const conversationLines = conversation
    ? `\n\n${conversation.label} on ${conversation.backend}: ` +
      conversation.policies.map((p) => `${p.policy} ${p.episodesPerSecond.toFixed(1)} conversations/s (${p.actionsPerEpisode.toFixed(1)} actions each), greedy evaluation ${p.evalEpisodesPerSecond.toFixed(0)}/s`).join('; ')
    : '';
  const kgatLines = kgat
    ? `\n\n${kgat.label} on ${kgat.backend}: CF step ${kgat.cfMs.toFixed(1)} ms (BPR-MF ${kgat.bprMfMs.toFixed(1)} ms), TransR step ${kgat.kgMs.toFixed(1)} ms, ` +
      `attention update ${kgat.attentionMs.toFixed(0)} ms; one epoch of one KGAT model (${kgat.cfSteps} CF + ${kgat.kgSteps} KG steps) ≈ ${kgat.epochSeconds.toFixed(1)} s`
    : '';
  const p5Lines = p5
    ? `\n\n${p5.label} on ${p5.backend}, ${p5.params} parameters: ` +
      p5.steps.map((s) => `${s.family} step ${s.ms.toFixed(0)} ms (prompts of ${s.promptTokens} tokens)`).join(', ') +
      `, plain model ${p5.plainMs.toFixed(0)} ms; one epoch of the default run (unified + per-task + plain; steps per family ${JSON.stringify(p5.stepsPerFamily)}) ≈ ${p5.epochSeconds.toFixed(0)} s`
    : '';
  const appLines = app ? '\n\nThe built app in Chromium (wasm, workshop):\n' + app.map(formatAppResult).join('\n') : '';
  const ampCfLines = ampCf ? `\n\n${ampCf.label} on ${ampCf.backend}: ${ampCf.medianMs.toFixed(1)} ms (${ampCf.params} parameters)` : '';
  const softmaxMfLines = softmaxMf ? `\n${softmaxMf.label} on ${softmaxMf.backend}: ${softmaxMf.medianMs.toFixed(1)} ms (${softmaxMf.params} parameters)` : '';
  const ratioLines = browser ? '' : '\n\n' + formatRatios(ours, references);
  process.stdout.write(`${formatBenchTable(report)}${appLines}${evalLine}${weightingLines}${multVaeLines}${wideDeepLines}${conversationLines}${kgatLines}${p5Lines}${ampCfLines}${softmaxMfLines}${ratioLines}\n\nwrote ${path}\n`);
  return report.results.length || appOnly ? 0 : 1;
}

/** What the Node bench measured, for the per-lab table. */
interface NodeTimings {
  results: readonly { id: string; label: string; backend: string; medianMs: number }[];
  weighting: { step: PolicyStepBenchResult };
  multVae: FirstLayerTiming[];
  wideDeep: WideDeepBenchResult;
  conversation: ConversationBenchResult;
  kgat: KgatBenchResult;
  p5: P5BenchResult;
  ampCf: AmpCfBenchResult;
  softmaxMf: SoftmaxMfBenchResult;
}

/**
 * Every lab's training step on wasm, under the ids the PyTorch references use (src/core/bench/reference/*.py).
 * The weighting lab's DVAO policy step and the conversational policies' training play have no reference.
 */
function ourSteps(t: NodeTimings): OurStep[] {
  const sparse = t.multVae.find((x) => x.mode === 'sparse')!;
  const wasm = (id: string) => t.results.find((r) => r.backend === 'wasm' && r.id === id);
  const bench = (id: string, lab: string): OurStep[] => {
    const r = wasm(id);
    return r ? [{ id, lab, label: r.label, ms: r.medianMs }] : [];
  };
  return [
    ...bench('mf-bpr', 'pop-vs-mf'),
    ...bench('dense-ae', '(reference workload)'),
    { id: 'weighting/policy', lab: 'weighting', label: `${t.weighting.step.method} policy step, 64 users × 8 slates × 10 items`, ms: t.weighting.step.medianMs },
    { id: 'softmax-mf', lab: 'consumption', label: 'softmax-MF step 1000×1700×32, batch 64 users × all items', ms: t.softmaxMf.medianMs },
    { id: 'mult-vae', lab: 'mult-vae', label: 'Mult-VAE step 1700-600-200-600-1700, batch 500 (ours: sparse first layer)', ms: sparse.stepMs },
    { id: 'amp-cf', lab: 'amp-cf', label: 'AMP-CF step, 3 personas, d = 8, batch 1,024 × 9 candidates', ms: t.ampCf.medianMs },
    ...t.wideDeep.steps.map((s) => ({ id: `wide-deep/${s.model}`, lab: 'wide-deep', label: `Wide & Deep ${s.model} step, batch 256`, ms: s.medianMs })),
    ...t.conversation.policies.map((p) => ({ id: `conversation/${p.policy}`, lab: 'conversation', label: `${p.policy} DQN: one training conversation (${p.actionsPerEpisode.toFixed(1)} steps)`, ms: 1000 / p.episodesPerSecond })),
    { id: 'kgat/cf', lab: 'kgat', label: 'KGAT CF step (whole graph, L = 2, batch 1,024)', ms: t.kgat.cfMs },
    { id: 'kgat/bpr-mf', lab: 'kgat', label: 'BPR-MF step through the KGAT code', ms: t.kgat.bprMfMs },
    { id: 'kgat/transr', lab: 'kgat', label: 'KGAT TransR step (batch 2,048)', ms: t.kgat.kgMs },
    ...t.p5.steps.map((s) => ({ id: `p5/${s.family}`, lab: 'p5', label: `P5 ${s.family} step (prompts of ${s.promptTokens} tokens, batch 128)`, ms: s.ms })),
    { id: 'p5/plain', lab: 'p5', label: 'P5 plain sequential step', ms: t.p5.plainMs },
  ];
}

/** The weighting lab on wasm; the sweep (opt-in) first, so that its first run pays the warm start as a person's would. */
async function runWeightingBench(withSweep: boolean): Promise<{ step: PolicyStepBenchResult; sweep?: WeightingSweepBenchResult }> {
  await selectBackend('wasm');
  let sweep: WeightingSweepBenchResult | undefined;
  if (withSweep) {
    process.stderr.write('weighting sweep: 11 runs…\n');
    sweep = await benchWeightingSweep();
  }
  process.stderr.write('weighting policy step: up to 1,000 steps (60 s at most)…\n');
  const step = await benchPolicyStep();
  return { step, sweep };
}

/** Mult-VAE's sparse vs dense first layer on wasm, on 500 real users of workshop (MovieLens-100K size). */
async function runMultVaeBench(): Promise<FirstLayerTiming[]> {
  await selectBackend('wasm');
  process.stderr.write('Mult-VAE first layer: sparse vs dense, 500 users…\n');
  const data = builtinDataset('workshop');
  const rows = Array.from({ length: 500 }, (_, u) => userItems(data.interactions, u));
  return benchFirstLayer(rows, data.itemIds.length, MODEL_SIZES.paper);
}

/** One step of each Wide & Deep model on wasm, on workshop impressions at the lab's defaults. */
async function runWideDeepBench(): Promise<WideDeepBenchResult> {
  await selectBackend('wasm');
  process.stderr.write('Wide & Deep step: wide, deep and joint, 50 steps each…\n');
  return benchWideDeepStep();
}

/** Training play of the two learned conversational policies on wasm, on workshop at the lab's defaults. */
async function runConversationBench(): Promise<ConversationBenchResult> {
  await selectBackend('wasm');
  process.stderr.write('Conversation play: unified and separated, 60 warm-up + 200 timed conversations each…\n');
  return benchConversationPlay();
}

function formatWeighting(step: PolicyStepBenchResult, sweep?: WeightingSweepBenchResult): string {
  const lines = [
    `\n${step.label}, ${step.method} on ${step.backend}: ${step.medianMs.toFixed(1)} ms median, ${step.p90Ms.toFixed(1)} ms p90 (${step.timedSteps} steps)` +
      (step.evaluationMs === null ? '' : `; evaluation per epoch ${step.evaluationMs.toFixed(0)} ms`),
    `tensors over ${step.countedSteps} steps${step.stoppedByTime ? ' (stopped at 60 s)' : ''}: ${step.tensorsBefore} → ${step.tensorsAfter}; around the run: ${step.tensorsOutside.before} → ${step.tensorsOutside.after}`,
  ];
  if (sweep) {
    lines.push(
      `${sweep.label}: ${sweep.totalSeconds.toFixed(1)} s (${sweep.completed}/${sweep.points} completed; per run ${sweep.runSeconds.map((s) => s.toFixed(1)).join(', ')} s)`,
    );
  }
  return lines.join('\n');
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

/** P5's training steps (each family, the plain model) on wasm, on workshop at the lab's defaults. */
async function runP5Bench(): Promise<P5BenchResult> {
  await selectBackend('wasm');
  process.stderr.write('P5: a training step of each task family and of the plain model, 8 each…\n');
  return benchP5();
}

/** KGAT's CF step, TransR step and attention update on wasm, on workshop at the lab's defaults. */
async function runKgatBench(): Promise<KgatBenchResult> {
  await selectBackend('wasm');
  process.stderr.write('KGAT: CF, BPR-MF and TransR steps, 15 each, and the attention update…\n');
  return benchKgat();
}

/** One AMP-CF step on wasm, on workshop at the AMP-CF lab's defaults. */
async function runAmpCfBench(): Promise<AmpCfBenchResult> {
  await selectBackend('wasm');
  process.stderr.write('AMP-CF: 5 warm-up + 30 timed steps…\n');
  return benchAmpCfStep();
}

/** One warm-start step of the consumption lab's softmax MF on wasm, on workshop at the lab's defaults. */
async function runSoftmaxMfBench(): Promise<SoftmaxMfBenchResult> {
  await selectBackend('wasm');
  process.stderr.write('softmax MF (consumption lab): 5 warm-up + 30 timed steps…\n');
  return benchSoftmaxMfStep();
}
