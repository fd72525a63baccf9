// Trains one P5 model on every task family and, on the very same batches, one model per family, a plain sequential
// recommender and (optionally) the sequential task under three digit-id modes; scores each on seen and held-out templates.
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../../data/dataset';
import { resolveDataset } from '../../data/datasetChoice';
import { topIndices } from '../../experiment/topK';
import { runTraining } from '../../experiment/trainingLoop';
import type { ReportTable, RunContext, RunResult } from '../../experiment/types';
import { heartbeat } from '../../heartbeat';
import { createP5Transformer, type P5Transformer } from '../../models/p5/transformer';
import { BOS_ID, toBatch } from '../../p5/batches';
import { evaluateMeanRating, evaluatePopularity, evaluateRanking, evaluateRating, evaluateYesNo, firstUsers, type P5EvalOptions } from '../../p5/evaluate';
import { buildP5Data, evaluationExamples, historyOnly, type P5Data, type P5Example } from '../../p5/examples';
import { assignItemIds, leakShare, type ItemIdMode } from '../../p5/itemIds';
import { P5_TEMPLATES, templatesOf, type P5Family, type P5Template } from '../../p5/templates';
import { EOS } from '../../p5/vocab';
import { Rng } from '../../random/rng';
import type { IdModeRow, ModelRow, P5Artifacts, PlaygroundPrompt, Scores } from './artifacts';
import { EXAMPLES_SETTING, FAMILY_LABELS, FAMILY_METRICS, ID_MODE_LABELS, metricDirection, referenceLabel, SWEEP_MODES, type P5Config } from './config';

/** Users and answers the playground shows. */
const PLAYGROUND_USERS = 12;
const PLAYGROUND_TOP = 5;

/** How a model reads its examples: as they are, or reduced to the history (the plain sequential model). */
type View = 'prompt' | 'history';

/** A model being trained, the families it learns and the data it reads (its id mode's examples). */
interface Contestant {
  id: string;
  /** The model's name in summary keys: unified, per-task, plain, ids-<mode>. */
  key: string;
  label: string;
  families: P5Family[];
  data: P5Data;
  view: View;
  model: P5Transformer;
  params: number;
  test: ModelRow['test'];
}

/** One batch of an epoch: a family and positions in that family's pool of training examples. */
interface Batch {
  family: P5Family;
  picks: Int32Array;
}

/** The metrics of a family's scores under their summary names. */
async function scoreFamily(model: P5Transformer, data: P5Data, examples: readonly P5Example[], stage: 'validation' | 'test', opts: P5EvalOptions): Promise<Scores> {
  const family = examples[0]?.family;
  if (!family) return {};
  if (family === 'direct-yesno') return { accuracy: (await evaluateYesNo(model, data, examples, opts)).accuracy };
  if (family === 'rating') {
    const s = await evaluateRating(model, data, examples, opts);
    return { rmse: s.rmse, mae: s.mae };
  }
  const s = await evaluateRanking(model, data, examples, stage, opts);
  return { 'hr@5': s.hr5, 'hr@10': s.hr10, 'ndcg@5': s.ndcg5, 'ndcg@10': s.ndcg10 };
}

/** The mean of each metric over several templates' scores. */
function meanScores(all: Scores[]): Scores {
  const out: Scores = {};
  for (const key of Object.keys(all[0] ?? {})) out[key] = all.reduce((s, x) => s + x[key], 0) / all.length;
  return out;
}

/** Examples as a model reads them: the plain model sees only `<bos>` and the history's item tokens. */
function asRead(c: Pick<Contestant, 'view' | 'data'>, examples: readonly P5Example[]): P5Example[] {
  return c.view === 'prompt' ? examples.slice() : examples.map((e) => ({ ...e, prompt: historyOnly(c.data.vocab, e.prompt) }));
}

/**
 * The experiment. The data are split leave-one-out by time (the last item of each user for test, the one before for
 * validation). Every epoch draws each family's number of training examples (its setting) and cuts each family's draw into
 * batches; the unified model trains on all the batches in a shuffled order, and each per-task model on its family's
 * batches — the same batches, at the same moments. The plain sequential model trains on the sequential batches read as
 * bare histories; the id-mode models on the sequential batches written with their ids (the same users, positions and
 * templates). After every epoch: validation scores on the first seen template. At the end (last epoch's weights, as
 * P5 evaluates its final checkpoint): test scores on every seen template (averaged) and on the held-out one.
 */
export function runP5(config: P5Config, ctx: RunContext = {}): Promise<RunResult<P5Config>> {
  return runTraining<P5Config, P5Artifacts>('p5', config, ctx, (io) => {
    const dataset = resolveDataset(config.dataset, ctx.dataset);
    const opts = { seed: config.seed, historyLength: config.historyLength };
    const main = buildP5Data(dataset, { ...opts, idMode: config.idMode });
    heartbeat();
    const families = main.families;
    const pools = new Map<P5Family, number[]>(families.map((f) => [f, []]));
    main.train.forEach((e, k) => pools.get(e.family)!.push(k));
    const sweep = config.idModeSweep ? SWEEP_MODES.map((mode) => ({ mode, data: buildP5Data(dataset, { ...opts, idMode: mode, only: ['sequential'] }) })) : [];
    for (const s of sweep) {
      // Built from the same streams, the sequential examples line up one to one with the main ones.
      if (s.data.train.length !== pools.get('sequential')!.length) throw new Error(`the ${s.mode} examples do not line up with the main ones`);
    }
    heartbeat();

    // Evaluation prompts: validation on each family's first seen template, test on every template.
    const validation = new Map(families.map((f) => [f, evaluationExamples(main, dataset, 'validation', templatesOf(f, 'seen')[0])]));
    const tests = new Map<string, P5Example[]>(families.flatMap((f) => templatesOf(f).map((t) => [t.id, evaluationExamples(main, dataset, 'test', t)] as const)));
    const firstSeq = templatesOf('sequential', 'seen')[0];
    const sweepTests = new Map<ItemIdMode, P5Example[]>(sweep.map((s) => [s.mode, evaluationExamples(s.data, dataset, 'test', firstSeq)]));
    heartbeat();
    const lengths = (xs: readonly P5Example[]) => xs.reduce((m, e) => Math.max(m, e.prompt.length, e.target.length), 0);
    const maxLen = Math.max(lengths(main.train), ...sweep.map((s) => lengths(s.data.train)), ...[...tests.values(), ...validation.values(), ...sweepTests.values()].map(lengths));

    const initSeed = new Rng(config.seed).fork('init').uint32();
    const spec = {
      vocabSize: main.vocab.size,
      dim: config.dim,
      heads: config.heads,
      encoderLayers: config.encoderLayers,
      decoderLayers: config.decoderLayers,
      maxLen,
      dropout: config.dropout,
      learningRate: config.learningRate,
    };
    const contestant = (id: string, key: string, label: string, fams: P5Family[], data: P5Data, view: View): Contestant => {
      // The same initial weights for every model (same sizes, same seed): differences come from what each trains on.
      const model = createP5Transformer(spec, new Rng(initSeed));
      return { id, key, label, families: fams, data, view, model, params: model.paramCount(), test: null };
    };
    const all: Contestant[] = [
      contestant('unified', 'unified', 'Unified P5 (every task, one model)', families, main, 'prompt'),
      ...families.map((f) => contestant(`per-task:${f}`, 'per-task', `Per-task model: ${FAMILY_LABELS[f]}`, [f], main, 'prompt')),
      contestant('plain', 'plain', 'Plain sequential model (history only, no words)', ['sequential'], main, 'history'),
      ...sweep.map((s) => contestant(`ids-${s.mode}`, `ids-${s.mode}`, `Sequential task, ${ID_MODE_LABELS[s.mode]}`, ['sequential'], s.data, 'prompt')),
    ];
    const trainsOn = (c: Contestant, f: P5Family) => c.families.includes(f);
    /** A contestant's training example at a position of the family's pool. */
    const exampleOf = (c: Contestant, f: P5Family, pick: number): P5Example => (c.data === main ? main.train[pools.get(f)![pick]] : c.data.train[pick]);
    const digitUsers = (c: Contestant) => (c.data.itemIds.mode === 'atomic' ? Infinity : config.idModeUsers);
    const evalOpts = (c: Contestant, f: P5Family, users: number): P5EvalOptions => ({ maxSrc: maxLen, maxUsers: f === 'sequential' ? Math.min(users, digitUsers(c)) : users });

    const drawRng = new Rng(config.seed).fork('draws');
    let batches: Batch[] = [];
    const perFamily = new Map(families.map((f) => [f, Math.min(config[EXAMPLES_SETTING[f]], pools.get(f)!.length)]));
    const stepsPerEpoch = families.reduce((s, f) => s + Math.ceil(perFamily.get(f)! / config.batchSize), 0);

    const rowOf = (c: Contestant): ModelRow => ({ id: c.id, label: c.label, families: c.families, idMode: c.data.itemIds.mode, params: c.params, test: c.test });
    let popularity: Partial<Record<P5Family, Scores>> | null = null;
    const emitModels = () => io.artifact('models', { families, idMode: config.idMode, vocabSize: main.vocab.size, maxLen, rows: all.map(rowOf), popularity });
    const idRows: IdModeRow[] = [];
    const emitIdModes = () => io.artifact('idModes', { rows: idRows });

    return {
      epochs: config.epochs,
      stepsPerEpoch,
      info: {
        users: dataset.interactions.numUsers,
        items: dataset.interactions.numItems,
        families: families.map((f) => FAMILY_LABELS[f]).join(', '),
        trainingExamples: families.map((f) => `${FAMILY_LABELS[f]} ${pools.get(f)!.length}`).join(', '),
        examplesPerEpoch: families.map((f) => perFamily.get(f)!).reduce((a, b) => a + b, 0),
        testUsers: tests.get(firstSeq.id)?.length ?? 0,
        vocabulary: `${main.vocab.size} tokens (${dataset.interactions.numUsers} users, ${config.idMode === 'atomic' ? `${dataset.interactions.numItems} items, ` : ''}words, digits, answers)`,
        longestSequence: maxLen,
        parameters: all[0].params,
        models: all.map((c) => c.id).join(', '),
      },
      // Steps take a few hundred milliseconds: reading the losses back every 5 costs nothing and keeps the charts live.
      readbackEvery: 5,
      prepare: async () => {
        emitModels();
        if (sweep.length > 0) {
          const atomic = all.find((c) => c.id === 'per-task:sequential')!;
          const rows = [{ mode: atomic.data.itemIds.mode, model: atomic.id, data: main }, ...sweep.map((s) => ({ mode: s.mode, model: `ids-${s.mode}`, data: s.data }))];
          for (const r of rows) idRows.push({ mode: r.mode, label: ID_MODE_LABELS[r.mode], model: r.model, leak: leakShare(r.data.split, r.data.itemIds), scores: null, users: 0 });
          emitIdModes();
        }
      },
      beginEpoch: () => {
        batches = [];
        for (const f of families) {
          const drawn = drawRng.shuffle(Int32Array.from({ length: pools.get(f)!.length }, (_, k) => k)).subarray(0, perFamily.get(f)!);
          for (let a = 0; a < drawn.length; a += config.batchSize) batches.push({ family: f, picks: drawn.slice(a, a + config.batchSize) });
        }
        batches = drawRng.shuffle(batches);
        heartbeat();
      },
      step: ({ index }) => {
        const b = batches[index];
        const losses: Record<string, tf.Scalar> = {};
        for (const c of all) {
          if (!trainsOn(c, b.family)) continue;
          heartbeat();
          const examples = asRead(
            c,
            Array.from(b.picks, (p) => exampleOf(c, b.family, p)),
          );
          losses[`loss/${b.family}/${c.key}`] = c.model.trainStep(toBatch(examples, maxLen));
        }
        return { losses };
      },
      async evaluate() {
        const out: Record<string, number> = {};
        for (const c of all) {
          if (c.id.startsWith('ids-')) continue; // scored once at the end (ranking every item by its digits is slow)
          for (const f of c.families) {
            const s = await scoreFamily(c.model, c.data, asRead(c, validation.get(f)!), 'validation', evalOpts(c, f, config.validationUsers));
            for (const [m, v] of Object.entries(s)) out[`valid/${m}/${f}/${c.key}`] = v;
          }
        }
        return out;
      },
      async finish({ outcome, summary }) {
        if (outcome.status === 'diverged') return;
        const extra: Record<string, number> = {};
        for (const c of all) {
          heartbeat();
          if (c.id.startsWith('ids-')) continue;
          const test: NonNullable<ModelRow['test']> = {};
          for (const f of c.families) {
            const score = (t: P5Template) => scoreFamily(c.model, c.data, asRead(c, tests.get(t.id)!), 'test', evalOpts(c, f, Infinity));
            if (c.view === 'history') {
              // Every template reduces to the same bare history: one score, reported without a template split.
              const s = await score(firstSeq);
              test[f] = { seen: s, unseen: null };
              for (const [m, v] of Object.entries(s)) extra[`test/${m}/${f}/${c.key}`] = v;
              continue;
            }
            const seen: Scores[] = [];
            for (const t of templatesOf(f, 'seen')) seen.push(await score(t));
            const unseen = meanScores(await Promise.all(templatesOf(f, 'heldOut').map(score)));
            test[f] = { seen: meanScores(seen), unseen };
            for (const [m, v] of Object.entries(test[f]!.seen)) extra[`test/${m}/${f}/${c.key}/seen`] = v;
            for (const [m, v] of Object.entries(unseen)) extra[`test/${m}/${f}/${c.key}/unseen`] = v;
          }
          c.test = test;
        }
        popularity = {};
        for (const f of families.filter((x) => x === 'sequential' || x === 'direct-choose')) {
          // Templates do not matter to popularity: the first seen one's prompts, every user.
          const s = evaluatePopularity(main, tests.get(templatesOf(f, 'seen')[0].id)!, 'test');
          popularity[f] = { 'hr@5': s.hr5, 'hr@10': s.hr10, 'ndcg@5': s.ndcg5, 'ndcg@10': s.ndcg10 };
          for (const [m, v] of Object.entries(popularity[f]!)) extra[`test/${m}/${f}/popularity`] = v;
        }
        if (families.includes('rating') && dataset.ratings) {
          const s = evaluateMeanRating(main, dataset.ratings, tests.get(templatesOf('rating', 'seen')[0].id)!);
          popularity.rating = { rmse: s.rmse, mae: s.mae };
          extra['test/rmse/rating/mean'] = s.rmse;
          extra['test/mae/rating/mean'] = s.mae;
        }
        emitModels();
        for (const r of idRows) {
          heartbeat();
          const c = all.find((x) => x.id === r.model)!;
          const examples = r.model === 'per-task:sequential' ? tests.get(firstSeq.id)! : sweepTests.get(r.mode)!;
          const scoredOn = { ...evalOpts(c, 'sequential', config.idModeUsers), maxUsers: config.idModeUsers };
          r.scores = await scoreFamily(c.model, c.data, examples, 'test', scoredOn);
          r.users = firstUsers(examples, config.idModeUsers).length;
          for (const [m, v] of Object.entries(r.scores)) extra[`test/${m}/sequential/ids-${r.mode}/seen`] = v;
        }
        if (idRows.length > 0) emitIdModes();
        // The leak's signature under each digit mode, sweep or not (numbering items is cheap; no model involved).
        for (const mode of SWEEP_MODES) extra[`leak-share/${mode}`] = leakShare(main.split, assignItemIds(mode, main.split, dataset.interactions.numItems, new Rng(config.seed).fork('ids'))).share;
        io.artifact('playground', await playground(all.filter((c) => c.view === 'prompt' && !c.id.startsWith('ids-')), main, dataset, tests, maxLen));
        const finite = Object.fromEntries(Object.entries(extra).filter(([, v]) => Number.isFinite(v)));
        const tables = [resultsTable(all.map(rowOf), families, popularity)];
        if (idRows.length > 0) tables.push(idModeTable(idRows));
        return { summary: { ...summary, ...finite }, tables };
      },
      dispose() {
        for (const c of all) c.model.dispose();
      },
    };
  });
}

/** How an item reads in the playground: its title (or id) after its token or digits. */
function itemNames(data: P5Data, dataset: Dataset, items: Iterable<number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of items) out[data.itemTokens(i).join('')] = dataset.itemTitles?.[i] ?? `item ${dataset.itemIds[i]}`;
  return out;
}

/**
 * For the first few users with a test item, every template's test prompt and each model's answers: the most likely
 * first answer tokens (softmax over the whole vocabulary) and a greedy decoding up to `<eos>`.
 */
async function playground(models: Contestant[], data: P5Data, dataset: Dataset, tests: ReadonlyMap<string, readonly P5Example[]>, maxLen: number): Promise<P5Artifacts['playground']> {
  const prompts: PlaygroundPrompt[] = [];
  const mentioned = new Set<number>();
  const eos = data.vocab.id(EOS);
  for (const t of P5_TEMPLATES) {
    if (!data.families.includes(t.family)) continue;
    const users = new Set<number>();
    // The run's test prompts of this template (built once, at the start).
    const examples = (tests.get(t.id) ?? []).filter((e) => {
      // direct-yesno has a "yes" and a "no" prompt per user: show both for the first users.
      if (users.size >= PLAYGROUND_USERS && !users.has(e.user)) return false;
      users.add(e.user);
      return true;
    });
    for (const e of examples) {
      for (const i of e.candidates ?? []) mentioned.add(i);
      if (e.item !== undefined) mentioned.add(e.item);
      if ('item' in e.answer) mentioned.add(e.answer.item);
    }
    if (examples.length === 0) continue;
    // Decode as far as the longest right answer (every answer ends with <eos>).
    const maxTarget = Math.max(2, ...examples.map((e) => e.target.length));
    const answers = await Promise.all(models.filter((c) => c.families.includes(t.family)).map(async (c) => ({ c, out: await answer(c.model, examples, maxLen, maxTarget, eos) })));
    examples.forEach((e, b) => {
      prompts.push({
        user: e.user,
        userName: dataset.userIds[e.user],
        family: t.family,
        templateId: t.id,
        heldOut: t.split === 'heldOut',
        prompt: data.vocab.decode(e.prompt.subarray(1)).join(' '),
        truth: data.vocab.decode(e.target.subarray(0, e.target.length - 1)).join(''),
        answers: answers.map(({ c, out }) => ({
          model: c.id,
          top: out.top[b].map(({ id, p }) => ({ token: data.vocab.decode([id])[0], p })),
          greedy: data.vocab.decode(out.greedy[b]).join(''),
        })),
      });
    });
  }
  for (let u = 0; u < Math.min(PLAYGROUND_USERS * 2, data.split.train.length); u++) for (const i of data.split.sequences[u]) mentioned.add(i);
  return { prompts, items: itemNames(data, dataset, mentioned) };
}

/** Top first tokens with probabilities, and greedy decodings, for a list of prompts (one read-back per decoding step). */
async function answer(model: P5Transformer, examples: readonly P5Example[], maxLen: number, maxTarget: number, eos: number): Promise<{ top: { id: number; p: number }[][]; greedy: number[][] }> {
  const n = examples.length;
  const { src, srcLen } = toBatch(examples, maxLen);
  const greedy: number[][] = examples.map(() => []);
  const done = new Array<boolean>(n).fill(false);
  const top: { id: number; p: number }[][] = [];
  let prefix = new Int32Array(n).fill(BOS_ID);
  for (let len = 1; len <= maxTarget && done.some((d) => !d); len++) {
    heartbeat();
    const logits = model.nextTokenLogits(src, srcLen, prefix, len, n);
    const probs = tf.tidy(() => tf.softmax(logits));
    logits.dispose();
    let p: Float32Array;
    try {
      p = (await probs.data()) as Float32Array;
    } finally {
      probs.dispose();
    }
    const V = p.length / n;
    const next = new Int32Array(n);
    for (let b = 0; b < n; b++) {
      const row = p.subarray(b * V, (b + 1) * V);
      const order = topIndices(row, PLAYGROUND_TOP);
      if (len === 1) top.push(order.map((id) => ({ id, p: row[id] })));
      next[b] = order[0];
      if (!done[b]) {
        if (order[0] === eos) done[b] = true;
        else greedy[b].push(order[0]);
      }
    }
    const grown = new Int32Array(n * (len + 1));
    for (let b = 0; b < n; b++) {
      grown.set(prefix.subarray(b * len, (b + 1) * len), b * (len + 1));
      grown[b * (len + 1) + len] = next[b];
    }
    prefix = grown;
  }
  return { top, greedy };
}

function resultsTable(rows: ModelRow[], families: P5Family[], popularity: Partial<Record<P5Family, Scores>> | null): ReportTable {
  const f = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(4));
  const out: string[][] = [];
  for (const fam of families) {
    for (const m of FAMILY_METRICS[fam]) {
      for (const r of rows) {
        const t = r.test?.[fam];
        if (!t) continue;
        out.push([FAMILY_LABELS[fam], `${m} (${metricDirection(m)} is better)`, r.label, f(t.seen[m]), t.unseen ? f(t.unseen[m]) : '–']);
      }
    }
  }
  if (popularity) out.push(...popularityRows(popularity));
  return { title: 'Test scores per task family: seen templates (mean over them) and the held-out template', columns: ['family', 'metric', 'model', 'seen templates', 'held-out template'], rows: out };
}

function popularityRows(popularity: Partial<Record<P5Family, Scores>>): string[][] {
  return Object.entries(popularity).flatMap(([fam, s]) =>
    FAMILY_METRICS[fam as P5Family].map((m) => [FAMILY_LABELS[fam as P5Family], `${m} (${metricDirection(m)} is better)`, referenceLabel(fam as P5Family), s[m].toFixed(4), '–']),
  );
}

function idModeTable(rows: IdModeRow[]): ReportTable {
  const f = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(4));
  return {
    title: 'The sequential task under each item-id mode (first seen template; higher is better)',
    columns: ['item ids', 'users scored', 'test item = largest history id + 1', 'HR@5', 'HR@10', 'NDCG@5', 'NDCG@10'],
    rows: rows.map((r) => [r.label, String(r.users), `${(100 * r.leak.share).toFixed(1)}%`, f(r.scores?.['hr@5']), f(r.scores?.['hr@10']), f(r.scores?.['ndcg@5']), f(r.scores?.['ndcg@10'])]),
  };
}

