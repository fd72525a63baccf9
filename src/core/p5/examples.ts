// Builds P5's (prompt tokens → target tokens) examples from a Dataset: training, validation and test sets.
import type { Dataset } from '../data/dataset';
import { heartbeat } from '../heartbeat';
import { Rng } from '../random/rng';
import { assignItemIds, idDigits, type ItemIdMode, type ItemIds } from './itemIds';
import { p5Split, type P5Split } from './sequences';
import { P5_FAMILIES, renderTemplate, templatesOf, type P5Family, type P5Template } from './templates';
import { BOS, DIGITS, EOS, NO, SEP, YES, itemToken, ratingClass, ratingToken, userToken, Vocab } from './vocab';

export interface P5ExampleOptions {
  idMode: ItemIdMode;
  seed: number;
  /** Sequential prompts keep only the last `historyLength` items of the history. Default 20. */
  historyLength?: number;
  /** Negatives beside the positive in a direct-choose prompt. Default 99 (P5's "choose among 100"). */
  chooseNegatives?: number;
  /** Direct-choose training examples per user (positives drawn from the training prefix). Default 5. */
  choosePerUser?: number;
  /** Build only these families' training examples (those the dataset supports). Default: every supported family. */
  only?: readonly P5Family[];
}

/** One example: the prompt (starting with `<bos>`), the target (ending with `<eos>`), and what it asks. */
export interface P5Example {
  family: P5Family;
  templateId: string;
  user: number;
  prompt: Int32Array;
  target: Int32Array;
  /** The correct answer: an item (sequential, direct-choose), a rating 1–5, or yes/no. */
  answer: { item: number } | { rating: number } | { yes: boolean };
  /** direct-yesno: the item asked about; direct-choose: the candidates (item indices, in prompt order). */
  item?: number;
  candidates?: Int32Array;
}

export interface P5Data {
  split: P5Split;
  itemIds: ItemIds;
  vocab: Vocab;
  /** Families present: `rating` only when the dataset has ratings (synthetic worlds have none). */
  families: P5Family[];
  /** Training examples, each phrased with one seen template drawn at random. */
  train: P5Example[];
  options: Required<P5ExampleOptions>;
  /** Renders an item as prompt tokens under the id mode: one atomic token, or its id's digits. */
  itemTokens(i: number): string[];
  /** Per-user sets of every item the user interacted with (negatives are never drawn from them). */
  userItemSets: Set<number>[];
}

/** What fills a prompt: item indices, rendered by the id mode. */
interface ExampleSlots {
  item?: number;
  history?: ArrayLike<number>;
  candidates?: ArrayLike<number>;
}

/** One example: `<bos>` + the filled template → target tokens + `<eos>`. */
function buildExample(vocab: Vocab, itemTokens: (i: number) => string[], separate: boolean, t: P5Template, u: number, slots: ExampleSlots, target: string[], answer: P5Example['answer']): P5Example {
  const prompt = renderTemplate(t, {
    user: userToken(u),
    item: slots.item === undefined ? undefined : itemTokens(slots.item),
    history: slots.history && Array.from(slots.history, itemTokens),
    candidates: slots.candidates && Array.from(slots.candidates, itemTokens),
  }, separate);
  const ex: P5Example = { family: t.family, templateId: t.id, user: u, prompt: vocab.encode([BOS, ...prompt]), target: vocab.encode([...target, EOS]), answer };
  if (slots.item !== undefined) ex.item = slots.item;
  if (slots.candidates) ex.candidates = Int32Array.from(slots.candidates);
  return ex;
}

/** Draws `n` distinct items outside `exclude` (fewer if the catalogue runs out). */
function drawNegatives(rng: Rng, numItems: number, exclude: Set<number>, n: number): number[] {
  const available = numItems - exclude.size;
  const want = Math.min(n, available);
  const out = new Set<number>();
  if (want <= 0) return [];
  if (want > available / 2) {
    const pool: number[] = [];
    for (let i = 0; i < numItems; i++) if (!exclude.has(i)) pool.push(i);
    return rng.shuffle(pool).slice(0, want);
  }
  while (out.size < want) {
    const i = rng.int(numItems);
    if (!exclude.has(i)) out.add(i);
  }
  return [...out];
}

/**
 * Splits the data (leave-one-out by time: train prefix / validation / test per user), numbers the items under
 * `idMode`, and builds the training examples:
 * - sequential: every position k ≥ 1 of each training prefix, the history the previous ≤ `historyLength` items;
 * - rating (only when `dataset.ratings` exists): every training interaction's rating, rounded to 1–5;
 * - direct-yesno: every training item as "yes" plus one seeded negative as "no";
 * - direct-choose: `choosePerUser` training positives per user among `chooseNegatives` seeded negatives.
 * Negatives avoid every item of the user, validation and test items included, so no training prompt mentions
 * a held-out item. Randomness comes from named forks of `seed`, so the families do not shift each other.
 */
export function buildP5Data(dataset: Dataset, options: P5ExampleOptions): P5Data {
  const opts: Required<P5ExampleOptions> = { historyLength: 20, chooseNegatives: 99, choosePerUser: 5, only: P5_FAMILIES, ...options };
  const { numUsers, numItems } = dataset.interactions;
  const root = new Rng(opts.seed);
  const idRng = root.fork('ids');
  // Each family draws its templates and negatives from its own stream: building only some families (`only`) or another
  // id mode leaves every remaining example exactly as it was (same user, position, template and candidates).
  const templateRngs = new Map(P5_FAMILIES.map((f) => [f, root.fork(`templates:${f}`)]));
  const yesNoRng = root.fork('negatives:direct-yesno');
  const chooseRng = root.fork('negatives:direct-choose');
  const split = p5Split(dataset);
  const itemIds = assignItemIds(opts.idMode, split, numItems, idRng);
  const vocab = new Vocab(numUsers, numItems);
  const itemTokens = (i: number) => (opts.idMode === 'atomic' ? [itemToken(i)] : idDigits(itemIds.ids[i]));
  const separate = opts.idMode !== 'atomic';
  const families = (dataset.ratings ? P5_FAMILIES : P5_FAMILIES.filter((f) => f !== 'rating')).filter((f) => opts.only.includes(f));
  const wants = (f: P5Family) => families.includes(f);
  const userItemSets = split.sequences.map((s) => new Set(s));
  const seen = (f: P5Family) => templatesOf(f, 'seen');
  const pick = (f: P5Family) => {
    const ts = seen(f);
    return ts[templateRngs.get(f)!.int(ts.length)];
  };
  const train: P5Example[] = [];
  const make = (t: P5Template, u: number, slots: ExampleSlots, target: string[], answer: P5Example['answer']) =>
    buildExample(vocab, itemTokens, separate, t, u, slots, target, answer);
  for (let u = 0; u < numUsers; u++) {
    heartbeat();
    const prefix = split.train[u];
    for (let k = 1; k < prefix.length && wants('sequential'); k++) {
      const history = prefix.subarray(Math.max(0, k - opts.historyLength), k);
      train.push(make(pick('sequential'), u, { history }, itemTokens(prefix[k]), { item: prefix[k] }));
    }
    if (dataset.ratings && wants('rating')) {
      const pos = split.positions[u];
      for (let k = 0; k < prefix.length; k++) {
        const r = ratingClass(dataset.ratings[pos[k]]);
        train.push(make(pick('rating'), u, { item: prefix[k] }, [ratingToken(r)], { rating: r }));
      }
    }
    for (let k = 0; k < prefix.length && wants('direct-yesno'); k++) {
      train.push(make(pick('direct-yesno'), u, { item: prefix[k] }, [YES], { yes: true }));
      const [neg] = drawNegatives(yesNoRng, numItems, userItemSets[u], 1);
      if (neg !== undefined) train.push(make(pick('direct-yesno'), u, { item: neg }, [NO], { yes: false }));
    }
    if (prefix.length > 0 && wants('direct-choose')) {
      for (let c = 0; c < opts.choosePerUser; c++) {
        const positive = prefix[chooseRng.int(prefix.length)];
        const candidates = chooseRng.shuffle([positive, ...drawNegatives(chooseRng, numItems, userItemSets[u], opts.chooseNegatives)]);
        train.push(make(pick('direct-choose'), u, { candidates }, itemTokens(positive), { item: positive }));
      }
    }
  }
  return { split, itemIds, vocab, families, train, options: opts, itemTokens, userItemSets };
}

/**
 * Evaluation prompts of one family under one template (seen or held out), one per user with a held-out item:
 * `stage` 'validation' asks for the second-to-last item (history = training prefix), 'test' for the last
 * (history = training prefix + validation item). direct-yesno gives two prompts per user, the held-out item
 * ("yes") and one seeded negative ("no"); direct-choose hides the held-out item among `chooseNegatives`
 * seeded negatives. Deterministic: the draws come from `seed`, the stage and the template id, so every
 * template of a family sees the same candidates.
 */
export function evaluationExamples(data: P5Data, dataset: Dataset, stage: 'validation' | 'test', template: P5Template, seed = data.options.seed): P5Example[] {
  const { split, vocab, itemTokens, options } = data;
  const { numItems } = dataset.interactions;
  const rng = new Rng(seed).fork(`eval:${stage}:${template.family}`);
  const out: P5Example[] = [];
  const emit = (u: number, slots: ExampleSlots, target: string[], answer: P5Example['answer']) =>
    out.push(buildExample(vocab, itemTokens, options.idMode !== 'atomic', template, u, slots, target, answer));
  for (let u = 0; u < split.test.length; u++) {
    const held = stage === 'validation' ? split.validation[u] : split.test[u];
    if (held < 0) continue;
    const full = stage === 'validation' ? split.train[u] : Int32Array.from([...split.train[u], split.validation[u]]);
    const history = full.subarray(Math.max(0, full.length - options.historyLength));
    if (template.family === 'sequential') emit(u, { history }, itemTokens(held), { item: held });
    else if (template.family === 'rating') {
      if (!dataset.ratings) continue;
      // The held-out item sits right after `full` in the time order.
      const r = ratingClass(dataset.ratings[split.positions[u][full.length]]);
      emit(u, { item: held }, [ratingToken(r)], { rating: r });
    } else if (template.family === 'direct-yesno') {
      emit(u, { item: held }, [YES], { yes: true });
      const [neg] = drawNegatives(rng, numItems, data.userItemSets[u], 1);
      if (neg !== undefined) emit(u, { item: neg }, [NO], { yes: false });
    } else {
      const candidates = rng.shuffle([held, ...drawNegatives(rng, numItems, data.userItemSets[u], options.chooseNegatives)]);
      emit(u, { candidates }, itemTokens(held), { item: held });
    }
  }
  return out;
}

/**
 * A prompt reduced to `<bos>` and its item tokens (atomic item tokens, or id digits and separators): what a plain
 * sequential recommender reads — the history without the template's words or the user token.
 */
export function historyOnly(vocab: Vocab, prompt: Int32Array): Int32Array {
  const keep = new Set(vocab.encode([...DIGITS, SEP]));
  const out = [vocab.id(BOS)];
  for (let k = 1; k < prompt.length; k++) if (prompt[k] >= vocab.itemBase || keep.has(prompt[k])) out.push(prompt[k]);
  return Int32Array.from(out);
}
