// Entry point of `npm run lab`: list the labs, run one headless, sweep one (or merge a sharded sweep's parts), on the same core as the browser app.
import { LABS } from '../core/labs/registry';
import { arenaCmd } from './arenaCmd';
import { parseCliArgs, USAGE } from './args';
import { describeFailure } from './failure';
import { findingsLab } from './findingsCmd';
import { Interrupt } from './interrupt';
import { formatLabList } from './labList';
import { EXIT, runLab } from './runLab';
import { mergeCmd } from './mergeSweep';
import { sweepLab } from './sweepLab';
import { sweepWithWorkers } from './sweepWorkers';

/** `--debug` or OBJECTIVE_LAB_DEBUG=1: an unexpected error prints its stack too. */
const debug = process.argv.includes('--debug') || /^(1|true|yes)$/i.test(process.env.OBJECTIVE_LAB_DEBUG ?? '');

async function main(argv: readonly string[]): Promise<number> {
  // The arena runs two labs' experiments together, so it has its own small option set.
  if (argv[0] === 'arena') return arenaCmd(argv.slice(1));
  const cmd = parseCliArgs(argv);
  if (cmd.kind === 'help') {
    process.stdout.write(USAGE + '\n');
    return EXIT.ok;
  }
  if (cmd.kind === 'list') {
    process.stdout.write(formatLabList(LABS) + '\n');
    return EXIT.ok;
  }
  if (cmd.kind === 'findings') return findingsLab(cmd);
  if (cmd.kind === 'merge') return mergeCmd(cmd);
  // First Ctrl-C stops the run between steps and saves the files at once (a sweep keeps its finished runs);
  // a second one saves again and quits.
  const interrupt = new Interrupt((first) =>
    !first
      ? '\nquitting now; the files hold every finished step\n'
      : cmd.kind === 'sweep'
        ? '\nstopping the sweep after this step; finished runs are kept… (Ctrl-C again to quit now)\n'
        : '\nstopping after this step… (Ctrl-C again to quit now)\n',
  );
  interrupt.listen(process, (text) => process.stderr.write(text), EXIT.interrupted);
  if (cmd.kind === 'sweep') return cmd.workers !== undefined ? sweepWithWorkers(cmd, interrupt) : sweepLab(cmd, interrupt);
  return runLab(cmd, interrupt);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const { code, text } = describeFailure(e, debug);
    process.stderr.write(text);
    process.exit(code);
  },
);
