// A pause / resume / single-step gate a run awaits before each training step.
import type { RunContext, StepControl } from './types';

export type GateMode = 'running' | 'paused';

/**
 * Lets a controller hold a run between steps. `step()` lets exactly one step through and stays paused.
 *
 * It also hands the event loop back (a macrotask) at least every `yieldEveryMs` of running: a run's own
 * awaits (wasm readbacks) resolve as microtasks, so without this a worker would not see "pause" or "stop",
 * the CLI would not see Ctrl-C, and the in-thread fallback would freeze the page until the run ended.
 */
export class StepGate implements StepControl {
  private mode: GateMode;
  private stepTokens = 0;
  private wake: (() => void) | null = null;
  private lastYield: number;

  constructor(
    mode: GateMode = 'running',
    private readonly opts: { yieldEveryMs?: number; signal?: AbortSignal } = {},
  ) {
    this.mode = mode;
    this.lastYield = Date.now();
    opts.signal?.addEventListener('abort', () => this.release());
  }

  get current(): GateMode {
    return this.mode;
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

  /** `onHold` runs once, just before the gate starts holding the run; if it returns false the gate lets the run go on. */
  async beforeStep(onHold?: () => Promise<boolean | void>): Promise<void> {
    if (Date.now() - this.lastYield >= (this.opts.yieldEveryMs ?? 50)) {
      await new Promise<void>((r) => setTimeout(r, 0));
      this.lastYield = Date.now();
    }
    let told = false;
    while (this.mode === 'paused' && this.stepTokens === 0 && !this.opts.signal?.aborted) {
      if (onHold && !told) {
        told = true;
        if ((await onHold()) === false) return;
        continue; // the hold callback awaited: a step/resume/stop may have come in meanwhile
      }
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

/** What a run does after {@link gateStep}: take the step, stop because it was aborted, or end (drain failed). */
export type GateVerdict = 'step' | 'aborted' | 'end';

/**
 * The preamble of every training step: waits while the run is paused — showing the steps still on the device
 * first (`drain`, which reads back pending losses and resolves to false when one was not finite, having ended
 * the run as diverged) — then says whether to step. 'aborted' means the person stopped the run.
 */
export async function gateStep(ctx: Pick<RunContext, 'control' | 'signal'>, drain?: () => Promise<boolean>): Promise<GateVerdict> {
  let shown = true;
  await ctx.control?.beforeStep(drain ? async () => (shown = await drain()) : undefined);
  if (!shown) return 'end';
  return ctx.signal?.aborted ? 'aborted' : 'step';
}
