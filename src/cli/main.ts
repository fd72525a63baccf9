// Entry point of `npm run lab`: list the labs, run one headless or sweep one, on the same core as the browser app.
import { errorMessage, LabError } from '../core/errors';
import { LABS } from '../core/labs/registry';
import { parseCliArgs, USAGE, UsageError } from './args';
import { formatLabList } from './labList';
import { EXIT, runLab } from './runLab';
import { sweepLab } from './sweepLab';

async function main(argv: readonly string[]): Promise<number> {
  const cmd = parseCliArgs(argv);
  if (cmd.kind === 'help') {
    process.stdout.write(USAGE + '\n');
    return EXIT.ok;
  }
  if (cmd.kind === 'list') {
    process.stdout.write(formatLabList(LABS) + '\n');
    return EXIT.ok;
  }
  // First Ctrl-C stops the run between steps (the files are still written; a sweep keeps its finished
  // runs); a second one quits at once.
  const stop = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write(
      cmd.kind === 'sweep'
        ? '\nstopping the sweep after this step; finished runs are kept… (Ctrl-C again to quit now)\n'
        : '\nstopping after this step… (Ctrl-C again to quit now)\n',
    );
    stop.abort();
    process.once('SIGINT', () => process.exit(EXIT.interrupted));
  });
  return cmd.kind === 'sweep' ? sweepLab(cmd, stop.signal) : runLab(cmd, stop.signal);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError || e instanceof LabError) {
      process.stderr.write(`error: ${e.message}\n`);
      if (e instanceof UsageError) process.stderr.write('(npm run lab -- --help for usage)\n');
      process.exit(EXIT.badInput);
    }
    process.stderr.write(`error: ${e instanceof Error && e.stack ? e.stack : errorMessage(e)}\n`);
    process.exit(EXIT.failed);
  },
);
