// The experiment contract every lab implements: a validated JSON config and one `run` used everywhere.
import type { z } from 'zod';
import type { Finding } from './findings';
import type { LabPlace, LessonPlan } from '../lessons/lessonPlan';
import type { Dataset } from '../data/dataset';
import type { RunCache } from './runCache';
import type { SweepPlan } from './sweepPlan';

/** Which way a metric improves; every chart says it ('none' where neither is better: weights, β). */
export type Direction = 'higher' | 'lower' | 'none';

/** One line on a chart: `key` names the value in the progress events. */
export interface SeriesSpec {
  key: string;
  label: string;
  color: string;
  /** Drawn dashed: a baseline or a reference line. */
  dashed?: boolean;
}

/** What a lab plots, declared in core so any front end (browser, CLI CSV) can draw or export it. */
export interface ChartSpec {
  id: string;
  title: string;
  /** The events the chart reads: per training step or per epoch. */
  source: 'step' | 'epoch';
  xLabel: string;
  yLabel: string;
  /** Unit of the y axis, shown in the label, e.g. "nats" or "fraction of catalogue". */
  unit: string;
  better: Direction;
  series: SeriesSpec[];
  /** Plot against this value instead of the step/epoch (a path in objective space); its axis is `xLabel`. */
  xKey?: string;
  /** A horizontal reference line, e.g. DVAO's bound at 1. */
  reference?: { y: number; label: string };
}

/**
 * Typed progress events a run emits, in order: started, (step | epoch | artifact)*, then the run resolves.
 * An artifact is a named, JSON-serialisable view a lab's panel draws (e.g. persona cards, a per-bucket table);
 * a later artifact of the same name replaces the earlier one.
 */
export type ProgressEvent =
  | { kind: 'started'; totalSteps: number; stepsPerEpoch: number; info: Record<string, string | number> }
  | { kind: 'step'; step: number; epoch: number; totalSteps: number; values: Record<string, number> }
  | { kind: 'epoch'; step: number; epoch: number; values: Record<string, number> }
  | { kind: 'artifact'; name: string; data: unknown };

/** Lets a controller pause, single-step and resume a run between training steps. */
export interface StepControl {
  /**
   * Awaited before every training step; resolves when the step may go ahead. `onHold` is called once when
   * the gate is about to hold the run (pause), so the run can show what it has; returning false ends the hold.
   */
  beforeStep(onHold?: () => Promise<boolean | void>): Promise<void>;
}

export interface RunContext {
  onProgress?: (event: ProgressEvent) => void;
  /** Aborting stops the run before its next step; the run resolves with what it has. */
  signal?: AbortSignal;
  control?: StepControl;
  /**
   * The data to train on when the caller has it (the browser loads built-in datasets as static files and
   * imports the person's own); without it a run generates the built-in preset its config names.
   */
  dataset?: Dataset;
  /**
   * Settings changed while the run goes on (e.g. objective weights dragged mid-run): read before each step,
   * applied from that step. Labs use the keys they support.
   */
  live?: () => Record<string, unknown> | undefined;
  /** Results a later run may reuse (warm starts): the worker, a sweep or a test owns it; absent, nothing is reused. */
  cache?: RunCache;
}

/** How a run ended. `diverged` carries the step whose loss was not finite. */
export type RunOutcome =
  | { status: 'completed' }
  | { status: 'stopped'; atStep: number }
  | { status: 'diverged'; atStep: number; message: string };

export interface RunResult<C> {
  labId: string;
  config: C;
  backend: string;
  outcome: RunOutcome;
  events: ProgressEvent[];
  /** Final value of each epoch series, for tables and the CLI. */
  summary: Record<string, number>;
  /** Wide tables a lab adds to its report (the CLI prints them under the summary), cells already formatted. */
  tables?: ReportTable[];
}

/** A table of a run's report, cells already formatted. */
export interface ReportTable {
  title: string;
  columns: string[];
  rows: string[][];
}

/** The views (JSON) a lab's run emits for its panel, by name: a type alias per lab, e.g. `{ explanation: ExplanationArtifact }`. */
export type ArtifactMap = Record<string, unknown>;

/** A paper the lab is built on, cited by title, authors, venue and year. */
export interface PaperRef {
  title: string;
  authors: string;
  venue: string;
  year: number;
  url?: string;
}

/** A lab: its identity, teaching text, config schema with defaults, charts, sweeps and its one `run`. */
export interface Lab<S extends z.ZodObject = z.ZodObject, A extends ArtifactMap = ArtifactMap> {
  id: string;
  title: string;
  /** One line for the navigation. */
  tagline: string;
  papers: PaperRef[];
  /** A short paragraph: what the lab shows. */
  about: string;
  /** Things to try, one sentence each. */
  whatToTry: string[];
  /**
   * The texts before rendering, when they quote measured numbers as {finding:<id>/<value>} placeholders
   * (see `renderLesson`); the typed-number test reads these.
   */
  lessonTemplates?: { about: string; whatToTry: string[] };
  /** Its part and number on the start page (src/core/lessons/lessonPlan.ts); the lab-contract test requires it. */
  place?: LabPlace;
  /** Its lesson: 3–5 steps to run, each with what to watch and why (the lab-contract test requires one). */
  lessonPlan?: LessonPlan;
  /** The measured claims its texts make: `npm run findings` re-runs them and writes the findings file. */
  findings?: readonly Finding[];
  schema: S;
  defaults: z.infer<S>;
  charts: ChartSpec[];
  /**
   * Step values that settings changed mid-run show up in (e.g. base weights): the charts mark every step where
   * one of them changes, so a person sees when their slider move took effect.
   */
  markerKeys?: string[];
  /** Settings that may change while the run goes on (sent to the run through `ctx.live`). */
  liveKeys?: string[];
  /** Settings over the defaults for a run of a few seconds on `tiny` (the lab-contract test runs every lab so). */
  quick: Partial<z.infer<S>>;
  /** The lab's sweeps, each drawn by the generic sweep panel (none: no sweep panel). */
  sweeps?: SweepPlan[];
  run(config: z.infer<S>, ctx?: RunContext): Promise<RunResult<z.infer<S>>>;
  /** Never set: carries the type of the artifacts the run emits, so a panel reads them typed (`artifactOf`). */
  readonly artifactTypes?: A;
}

/**
 * Declares a lab with its exact config (and artifact) types checked. The registry holds labs of different
 * configs as `Lab`; `run` is only ever called with a config validated against that lab's schema.
 */
export function defineLab<S extends z.ZodObject, A extends ArtifactMap = ArtifactMap>(lab: Lab<S, A>): Lab<S, A> {
  return lab;
}

/** The artifact `name` of a run's artifacts, typed by its lab (the one place the stored JSON is given its type). */
export function artifactOf<A extends ArtifactMap, K extends keyof A & string>(_lab: Lab<z.ZodObject, A>, artifacts: Record<string, unknown> | undefined, name: K): A[K] | undefined {
  return artifacts?.[name] as A[K] | undefined;
}
