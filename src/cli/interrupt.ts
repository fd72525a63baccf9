// Ctrl-C for the CLI: the first stops the run after its current step, and every one saves the files at once.

/** Something that can listen for SIGINT and end the process: `process`, or a fake in tests. */
export interface SignalSource {
  on(signal: 'SIGINT', listener: () => void): unknown;
  exit(code: number): never;
}

/**
 * How close together two SIGINTs must come to be one key press: a terminal's Ctrl-C reaches every process of
 * the job, and npm relays it to its child once more, so one press can arrive twice. When the CLI is busy in a
 * step both copies wait and are handled back to back; a person pressing twice takes far longer than this.
 */
export const SAME_PRESS_MS = 500;

/**
 * Turns SIGINT into a stop request. The first one aborts `signal` (the run ends after its current step and
 * the command writes its files as usual) and also calls the saver at once. A copy of that press (within
 * `SAME_PRESS_MS`) only saves again; a later one saves again and exits with `exitCode`.
 *
 * Why save at once, synchronously: whatever launched the CLI may relay the signal and then kill the child if
 * it does not answer (tsx's CLI SIGKILLs it after 60 ms; `npm run lab` runs `node --import tsx` to avoid
 * that relay). Writing the files synchronously inside the handler means whatever comes next, the files on
 * disk hold every step that finished.
 */
export class Interrupt {
  private readonly controller = new AbortController();
  private saver: (() => void) | undefined;
  private firstAt: number | undefined;

  constructor(
    private readonly notice: (first: boolean) => string,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Aborted on the first Ctrl-C. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** What to write at once on Ctrl-C: the files as they stand (replaced as the command goes on). */
  setSaver(save: (() => void) | undefined): void {
    this.saver = save;
  }

  /** Handles SIGINT from now on. */
  listen(source: SignalSource, write: (text: string) => void, exitCode: number): void {
    source.on('SIGINT', () => {
      const t = this.now();
      if (this.firstAt === undefined) {
        this.firstAt = t;
        write(this.notice(true));
        this.controller.abort();
        this.save(write);
        return;
      }
      this.save(write);
      if (t - this.firstAt < SAME_PRESS_MS) return; // the same key press, relayed: keep stopping after the step
      write(this.notice(false));
      source.exit(exitCode);
    });
  }

  private save(write: (text: string) => void): void {
    try {
      this.saver?.();
    } catch (e) {
      write(`error: could not save the files on Ctrl-C (${e instanceof Error ? e.message : String(e)})\n`);
    }
  }
}
