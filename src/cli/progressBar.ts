// A progress display on stderr: redrawn in place on a terminal, one line per epoch when piped or logged.
import type { ProgressEvent } from '../core/experiment/types';
import { formatNumber } from './table';

export interface ProgressState {
  stepsDone: number;
  totalSteps: number;
  epoch: number;
  totalEpochs: number;
  /** Latest per-step values (e.g. the loss), by key. */
  latest: Record<string, number>;
  elapsedMs: number;
}

/** "12s", "3m05s", "1h02m". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Remaining time if the remaining steps go at the average pace so far; undefined before the first step. */
export function eta(s: ProgressState): number | undefined {
  if (s.stepsDone <= 0 || s.elapsedMs <= 0) return undefined;
  return (s.elapsedMs / s.stepsDone) * Math.max(0, s.totalSteps - s.stepsDone);
}

/** One status line; `barWidth` 0 leaves the bar out (for logs). */
export function renderProgress(s: ProgressState, barWidth: number): string {
  const frac = s.totalSteps ? Math.min(1, s.stepsDone / s.totalSteps) : 0;
  const filled = Math.round(frac * barWidth);
  const bar = barWidth ? `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ` : '';
  const values = Object.entries(s.latest).map(([k, v]) => `${k} ${formatNumber(v)}`);
  const left = eta(s);
  return [
    `${bar}${s.stepsDone}/${s.totalSteps} steps`,
    `epoch ${s.epoch}/${s.totalEpochs}`,
    ...values,
    left === undefined ? 'ETA –' : `ETA ${formatDuration(left)}`,
  ].join('  ');
}

/** The part of a stream the bar needs (process.stderr fits). */
export interface BarStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Feeds on a run's progress events and draws them on `stream`. */
export class ProgressBar {
  private state: ProgressState = { stepsDone: 0, totalSteps: 0, epoch: 0, totalEpochs: 0, latest: {}, elapsedMs: 0 };
  private startedAt = 0;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: BarStream,
    private readonly now: () => number = () => Date.now(),
  ) {}

  onEvent(e: ProgressEvent): void {
    const s = this.state;
    if (e.kind === 'started') {
      this.startedAt = this.now();
      s.totalSteps = e.totalSteps;
      s.totalEpochs = e.stepsPerEpoch ? Math.ceil(e.totalSteps / e.stepsPerEpoch) : 0;
      return;
    }
    if (e.kind === 'artifact') return;
    s.stepsDone = Math.max(s.stepsDone, e.step);
    s.elapsedMs = this.now() - this.startedAt;
    if (e.kind === 'step') {
      s.epoch = e.epoch;
      Object.assign(s.latest, e.values);
      this.drawLive(false);
    } else {
      s.epoch = e.epoch;
      if (this.stream.isTTY) this.drawLive(true);
      else this.stream.write(renderProgress(s, 0) + '\n');
    }
  }

  /** Ends the live line so what follows starts on a fresh line. */
  finish(): void {
    if (this.stream.isTTY && this.drawn) {
      this.drawLive(true);
      this.stream.write('\n');
      this.drawn = false;
    }
  }

  /** Redraws in place on a TTY, at most 10 times a second unless forced. */
  private drawLive(force: boolean): void {
    if (!this.stream.isTTY) return;
    const t = this.now();
    if (!force && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 70));
    let line = renderProgress(this.state, width);
    if (this.stream.columns) line = line.slice(0, this.stream.columns - 1);
    this.stream.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }
}
