// A pause / resume / single-step gate a run awaits before each training step.
import type { StepControl } from './types';

export type GateMode = 'running' | 'paused';

/**
 * Lets a controller hold a run between steps. `step()` lets exactly one step through and stays paused.
 * `yieldEachStep` hands the event loop back between steps — what the in-thread fallback needs so the
 * page keeps painting; the worker leaves it off.
 */
export class StepGate implements StepControl {
  private mode: GateMode;
  private stepTokens = 0;
  private wake: (() => void) | null = null;

  constructor(
    mode: GateMode = 'running',
    private readonly opts: { yieldEachStep?: boolean; signal?: AbortSignal } = {},
  ) {
    this.mode = mode;
    opts.signal?.addEventListener('abort', () => this.release());
  }

  get current(): GateMode {
    return this.mode;
  }

  wantsEachStep(): boolean {
    return this.mode === 'paused';
  }

  pause(): void {
    this.mode = 'paused';
  }

  resume(): void {
    this.mode = 'running';
    this.release();
  }

  /** Lets one more step run, then holds again. */
  step(): void {
    this.stepTokens++;
    this.release();
  }

  async beforeStep(): Promise<void> {
    if (this.opts.yieldEachStep) await new Promise<void>((r) => setTimeout(r, 0));
    while (this.mode === 'paused' && this.stepTokens === 0 && !this.opts.signal?.aborted) {
      await new Promise<void>((r) => (this.wake = r));
    }
    if (this.mode === 'paused' && this.stepTokens > 0) this.stepTokens--;
  }

  private release(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}
