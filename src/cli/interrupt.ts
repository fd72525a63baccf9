// Ctrl-C for the CLI: the first stops the run after its current step, and every one saves the files at once.

/** Something that can listen for SIGINT and end the process: `process`, or a fake in tests. */
export interface SignalSource {
  on(signal: 'SIGINT', listener: () => void): unknown;
  exit(code: number): never;
}

/**
 * Turns SIGINT into a stop request. The first one aborts `signal` (the run ends after its current step and
 * the command writes its files as usual) and also calls the saver at once; a later one saves again and exits
 * with `exitCode`.
 *
 * Why save at once, synchronously: a Ctrl-C in a terminal reaches every process of the job, and whatever
 * launched the CLI may relay it once more (npm to its child, tsx's CLI to its child, which it then SIGKILLs if
 * the child does not answer within 60 ms). A second SIGINT may therefore come from the same key press, and a
 * SIGKILL can follow; writing the files synchronously inside the handler means whatever comes next, the
 * files on disk hold every step that finished.
 */
export class Interrupt {
  private readonly controller = new AbortController();
  private saver: (() => void) | undefined;
  private count = 0;

  constructor(private readonly notice: (first: boolean) => string) {}

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
      this.count++;
      write(this.notice(this.count === 1));
      this.controller.abort();
      this.save(write);
      if (this.count > 1) source.exit(exitCode);
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
