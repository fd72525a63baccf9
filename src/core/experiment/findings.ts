// Claims as code: a lab's measured findings (the experiment, how each number is read, the expected relation), the
// record `npm run findings` writes, and the rendering of lesson texts that quote it. No tfjs: lab pages import it.
import type { ProgressEvent, RunResult } from './types';

/** How one number is read from a finished run; `what` describes it in the record (e.g. "summary c2/consumption@2"). */
export interface Reading {
  what: string;
  read(result: RunResult<unknown>): number | undefined;
}

/** The final value of a summary key. */
export function fromSummary(key: string): Reading {
  return { what: `summary ${key}`, read: (r) => r.summary[key] };
}

/** The mean of a per-step series over every step of the run (e.g. the z-weight `weight/novelty`). */
export function fromStepMean(key: string): Reading {
  return {
    what: `mean over steps of ${key}`,
    read: (r) => {
      let sum = 0;
      let n = 0;
      for (const e of r.events) if (e.kind === 'step' && key in e.values) (sum += e.values[key], n++);
      return n ? sum / n : undefined;
    },
  };
}

/** A number computed from the last artifact `name` the run emitted; `what` says how (for the record). */
export function fromArtifact(name: string, what: string, pick: (data: unknown) => number | undefined): Reading {
  return {
    what: `artifact ${name}: ${what}`,
    read: (r) => {
      let last: unknown;
      for (const e of r.events as ProgressEvent[]) if (e.kind === 'artifact' && e.name === name) last = e.data;
      return last === undefined ? undefined : pick(last);
    },
  };
}

/** The expected relation between two named values of a finding, or a value and a declared bound. */
export interface Relation {
  a: string;
  /** '≈': a tie, |a − b| ≤ `within` (declared with the claim, before measuring: what "no difference" means). */
  op: '>' | '<' | '>=' | '<=' | '≈';
  /** Another value's name, or a fixed bound (a property of the method, e.g. a weight of 0, not a measurement). */
  b: string | number;
  /** For '≈' only: the largest |a − b| that still counts as a tie, in the values' units. */
  within?: number;
}

/**
 * Public datasets a finding may be measured on. They are not shipped (licences): `npm run findings -- --data-dir
 * <folder>` reads `<folder>/<name>` with the importer's defaults (MovieLens: ratings ≥ 4 are clicks).
 */
export const REAL_DATASETS = {
  'ml-100k': 'MovieLens 100K',
  'ml-latest-small': 'MovieLens latest-small',
} as const;
export type RealDatasetName = keyof typeof REAL_DATASETS;

/** One experiment the finding runs (per seed): settings over the lab's defaults. */
export type Arm = Record<string, unknown>;

/**
 * A claim a lab's text makes, as an experiment: run `arms` (settings over the lab defaults; one arm `run` when
 * only `config` is given) once per seed, read `values` from the runs, and check `expect` on their means.
 */
export interface Finding {
  /** Stable id, `<lab>.<name>`: texts quote it as {finding:<id>/<value>}. */
  id: string;
  labId: string;
  /** One line: what the finding says when the relation holds. */
  claim: string;
  /** Settings every arm starts from (over the lab's defaults); `dataset` names the data. */
  config: Arm;
  /** Named variants of `config` (absent: one arm, `run`). */
  arms?: Record<string, Arm>;
  seeds: number[];
  /** Each quoted number: which arm's run and how it is read. */
  values: Record<string, { arm?: string; reading: Reading }>;
  expect: Relation;
  /** The fast check in `npm test`: settings over `config` (tiny data, few epochs) and its seeds. */
  quick?: { config: Arm; seeds: number[] };
  /**
   * Measured on this public dataset (imported from the findings command's --data-dir) instead of `config.dataset`.
   * Such a finding has no fast variant and cannot be re-run in the browser unless that data is loaded.
   */
  realData?: RealDatasetName;
  /**
   * The importer's rating threshold for `realData` (default 4: ratings ≥ 4 are the interactions kept). A lab that
   * needs the low ratings too (Wide & Deep: every rating is an impression) sets 1.
   */
  realDataThreshold?: number;
}

/** The rating threshold a finding's real data is imported with. */
export function realDataThreshold(f: Pick<Finding, 'realDataThreshold'>): number {
  return f.realDataThreshold ?? 4;
}

/** The lab's findings, checked at declaration: ids are `<labId>.…`, values and arms referred to exist. */
export function defineFindings(labId: string, findings: Finding[]): Finding[] {
  for (const f of findings) {
    const bad = (why: string) => new Error(`finding ${f.id}: ${why}`);
    if (f.labId !== labId || !f.id.startsWith(`${labId}.`)) throw bad(`must belong to lab ${labId} and be named ${labId}.…`);
    const arms = armsOf(f);
    for (const [name, v] of Object.entries(f.values)) if (!((v.arm ?? 'run') in arms)) throw bad(`value ${name} reads unknown arm ${v.arm ?? 'run'}`);
    for (const side of [f.expect.a, f.expect.b]) if (typeof side === 'string' && !(side in f.values)) throw bad(`relation names unknown value ${side}`);
    if (f.seeds.length === 0) throw bad('needs at least one seed');
    if (f.realData && f.quick) throw bad('a finding on real data has no fast variant (the data is not shipped)');
  }
  return findings;
}

/** The arms of a finding, each as full overrides (config then the arm's own settings). */
export function armsOf(f: Finding, quick = false): Record<string, Arm> {
  const base = quick && f.quick ? { ...f.config, ...f.quick.config } : f.config;
  const arms = f.arms ?? { run: {} };
  return Object.fromEntries(Object.entries(arms).map(([k, a]) => [k, { ...base, ...a }]));
}

/** One value's numbers over the seeds. */
export interface MeasuredValue {
  read: string;
  arm: string;
  perSeed: number[];
  mean: number;
  /** Sample standard deviation (n − 1; 0 for one seed). */
  sd: number;
  min: number;
  max: number;
}

/** What the findings file holds per finding. */
export interface MeasuredFinding {
  id: string;
  labId: string;
  claim: string;
  dataset: string;
  seeds: number[];
  config: Arm;
  arms?: Record<string, Arm>;
  values: Record<string, MeasuredValue>;
  expect: string;
  /** The relation on the means over seeds. */
  held: boolean;
  /** The relation seed by seed. */
  heldPerSeed: boolean[];
  backend: string;
  date: string;
  commit: string;
}

/** The findings file: every measured finding by id. */
export interface FindingsRecord {
  tool: string;
  findings: Record<string, MeasuredFinding>;
}

/** Mean, sample sd, min and max of `xs` (length ≥ 1). */
export function spread(xs: readonly number[]): { mean: number; sd: number; min: number; max: number } {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd, min: Math.min(...xs), max: Math.max(...xs) };
}

/** Whether `a op b` holds (for '≈', within `within`). */
export function holds(a: number, op: Relation['op'], b: number, within = 0): boolean {
  switch (op) {
    case '≈':
      return Math.abs(a - b) <= within;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
  }
}

/** "aware > top", for the record and messages. */
export function describeRelation(r: Relation): string {
  return r.op === '≈' ? `|${r.a} − ${r.b}| ≤ ${r.within}` : `${r.a} ${r.op} ${r.b}`;
}

/** Checks the relation on a value-name → number map (the means, or one seed's values). */
export function relationHolds(r: Relation, values: Record<string, number>): boolean {
  const b = typeof r.b === 'number' ? r.b : values[r.b];
  if (r.op === '≈' && !(typeof r.within === 'number' && r.within >= 0)) throw new Error(`a tie ('≈') needs a tolerance 'within' ≥ 0`);
  return holds(values[r.a], r.op, b, r.within);
}

/** What a placeholder renders to while its finding is missing from the record. */
export const NOT_MEASURED = '(not yet measured)';

const PLACEHOLDER = /\{(finding|sd|measured):([\w.-]+)(?:\/([\w-]+))?(?::(\d))?\}/g;

/**
 * Renders a lesson text: {finding:<id>/<value>} (optionally `:<decimals>`, default 3) becomes the value's mean
 * over seeds from the record, {sd:<id>/<value>} its standard deviation over seeds; {measured:<id>} becomes "measured on <dataset>, <n> seeds, <backend>, <date>".
 * A finding missing from the record renders as "(not yet measured)" (the findings test fails on it); a value the
 * finding does not measure throws.
 */
export function renderText(template: string, record: FindingsRecord): string {
  return template.replace(PLACEHOLDER, (_m, kind: string, id: string, value: string | undefined, digits: string | undefined) => {
    const f = record.findings[id];
    // Not measured yet (the findings test fails on it): the text says so instead of quoting a number.
    if (!f) return NOT_MEASURED;
    if (kind === 'measured') return `measured on ${f.dataset}, ${f.seeds.length} seed${f.seeds.length === 1 ? '' : 's'}, ${f.backend}, ${f.date.slice(0, 10)}`;
    const v = value === undefined ? undefined : f.values[value];
    if (!v) throw new Error(`text quotes ${id}/${value}, which finding ${id} does not measure`);
    return (kind === 'sd' ? v.sd : v.mean).toFixed(digits === undefined ? 3 : Number(digits));
  });
}

/** Every finding id a text refers to. */
export function referencedFindings(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[2]);
}

/** The text with every placeholder removed (what the typed-number check reads). */
export function withoutPlaceholders(template: string): string {
  return template.replace(PLACEHOLDER, '');
}

/** A lab's lesson texts as templates, and rendered with the record. */
export interface Lesson {
  about: string;
  whatToTry: string[];
  lessonTemplates: { about: string; whatToTry: string[] };
}

/** Renders a lab's about and what-to-try texts; the templates are kept for the typed-number test. */
export function renderLesson(templates: { about: string; whatToTry: string[] }, record: FindingsRecord): Lesson {
  return {
    about: renderText(templates.about, record),
    whatToTry: templates.whatToTry.map((t) => renderText(t, record)),
    lessonTemplates: templates,
  };
}

/** What the typed-number check reads: the text without placeholders and arXiv ids. */
function checkedText(template: string): string {
  return withoutPlaceholders(template).replace(/arXiv:\d+\.\d+/gi, '');
}

/** Decimals (0.796, .5) and percentages (88%, 20 %). */
const TYPED_NUMBER = /(?<![\w.])(\d*\.\d+|\d+(?:\.\d+)?\s?%)/g;

/**
 * The numbers in a lesson template that look measured: decimals (0.796, .5) and percentages (88%), outside
 * placeholders. arXiv ids are left out; whole numbers (settings such as "15 epochs", "k = 1") are not flagged.
 */
export function typedNumbers(template: string): string[] {
  return [...checkedText(template).matchAll(TYPED_NUMBER)].map((m) => m[1].replace(/\s/g, ''));
}

/**
 * Whole numbers compared with each other ("3 vs 4", "12 against 9", "from 12 to 9", "12 → 9"): a measured change
 * or contrast in counts. Whole numbers alone are settings far more often ("15 epochs", "k = 1") and are not flagged.
 */
const COMPARED_INTEGERS = /(?<![\w.])\d+\s*(?:vs\.?|versus|against|→)\s*\d+(?![\w.])|\bfrom \d+ to \d+(?![\w.])/g;

/**
 * The typed numbers of `template` — decimals, percentages and compared whole numbers — that no allowed phrase
 * covers. A phrase is an exact piece of text holding the number with a few words around it ("20% of each user"),
 * so allowing a setting's "0.3" in one sentence does not let a measured 0.3 through anywhere else.
 */
export function unallowedNumbers(template: string, allowedPhrases: readonly string[]): string[] {
  const text = checkedText(template);
  const covered: [number, number][] = [];
  for (const phrase of allowedPhrases) for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) covered.push([i, i + phrase.length]);
  const found = [...text.matchAll(TYPED_NUMBER), ...text.matchAll(COMPARED_INTEGERS)].sort((a, b) => a.index - b.index);
  return found.filter((m) => !covered.some(([s, e]) => s <= m.index && m.index + m[0].length <= e)).map((m) => (m[1] ?? m[0]).replace(/\s(?=%)/g, ''));
}

/** Whether `phrase` occurs in the checked text of `template` (placeholders and arXiv ids removed). */
export function containsPhrase(template: string, phrase: string): boolean {
  return checkedText(template).includes(phrase);
}
