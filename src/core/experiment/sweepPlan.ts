// What a lab declares about a sweep it offers: the runs (a grid over its config), how the families of runs are
// named and coloured, and the panels that plot them. The generic sweep panel draws any plan; it knows no lab.
import type { ReportTable } from './types';

/** Which family a point belongs to (e.g. hand weights, an automatic method). */
export interface SweepKind {
  id: string;
  /** The legend's words for the family. */
  legend: string;
  color: string;
}

/** One run of a planned sweep: a short label for charts, its family, and the settings it overrides. */
export interface SweepPoint {
  label: string;
  kind: string;
  override: Record<string, unknown>;
}

/** A summary metric on a panel's axis (higher is better on every axis of a sweep panel). */
export interface SweepMetric {
  key: string;
  label: string;
}

/**
 * One scatter panel: every finished run at (x, y), the completed runs no other run beats on both axes (the
 * Pareto front) ringed and joined. With several `y`, the panel offers a picker between them.
 */
export interface SweepPanelSpec {
  /** Stable id (the panel's test id is `pareto-${id}`). */
  id: string;
  title: string;
  x: SweepMetric;
  y: SweepMetric[];
  /** The picker between the `y` metrics: its label, and which one to show first for a config. */
  pick?: { label: string; initial(config: Record<string, unknown>): number };
}

/** One finished run of a plan, as a plan's report reads it (from the CLI's results or the browser's records). */
export interface PlanRun {
  label: string;
  /** Its family (one of the plan's `kinds`). */
  kind: string;
  config: Record<string, unknown>;
  /** Every evaluation's values, epoch 0 (before training) first. */
  epochs: readonly Record<string, number>[];
  /** Only completed runs have final values to compare (a diverged, stopped or failed one is false). */
  completed: boolean;
}

/** A sweep a lab offers. */
export interface SweepPlan {
  id: string;
  title: string;
  /** Variants of the plan to choose from before running (e.g. a line over two objectives or a grid over three). */
  variants?: { label: string; choices: { value: string; label: string }[] };
  /** What runs, in order, in one paragraph. */
  describe(variant: string | undefined): string;
  /**
   * The runs for the current config, each overriding some of its settings. Throws a LabError (its message is
   * shown) when the config cannot be swept.
   */
  points(config: Record<string, unknown>, variant: string | undefined): SweepPoint[];
  kinds: SweepKind[];
  /** Settings shown for each run in tooltips, the table and the CSV. */
  shownSettings: string[];
  panels: SweepPanelSpec[];
  /**
   * Panels may draw each accuracy as its % change from this run's value (e.g. the relevance-only point), on one y
   * range shared by every panel, so the same loss reads the same under each metric.
   */
  relativeTo?: { label: string; isReference(point: Pick<SweepPoint, 'label' | 'kind'>): boolean };
  /** The label drawn next to a point (default: its label). */
  chartLabel?(point: Pick<SweepPoint, 'label' | 'kind'>): string;
  /** Tables the CLI prints (and writes) after the plan's runs, read from them (e.g. where each method ends). */
  report?(runs: readonly PlanRun[]): ReportTable[];
}
