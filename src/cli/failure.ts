// What the CLI prints for an error that ends it: one line, and the exit code (2 bad input, 1 a bug).
import { errorMessage, LabError } from '../core/errors';
import { UsageError } from './args';
import { EXIT } from './runLab';

/** The message and exit code of whatever main threw: bad input is exit 2, anything else is a bug, exit 1. */
export function describeFailure(e: unknown, withStack: boolean): { code: number; text: string } {
  if (e instanceof UsageError || e instanceof LabError) {
    const hint = e instanceof UsageError ? '(npm run lab -- --help for usage)\n' : '';
    return { code: EXIT.badInput, text: `error: ${e.message}\n${hint}` };
  }
  const name = e instanceof Error ? `${e.name}: ` : '';
  const first = `error: unexpected failure (a bug in objective-lab): ${name}${errorMessage(e).split('\n')[0]}\n`;
  const more = withStack && e instanceof Error && e.stack ? `${e.stack}\n` : '(rerun with --debug or OBJECTIVE_LAB_DEBUG=1 for the stack)\n';
  return { code: EXIT.failed, text: first + more };
}
