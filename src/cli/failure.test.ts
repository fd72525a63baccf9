import { describe, expect, it } from 'vitest';
import { ErrorCode, LabError } from '../core/errors';
import { UsageError } from './args';
import { describeFailure } from './failure';

describe('describeFailure', () => {
  it('reports bad input (UsageError, LabError) as exit 2 with its message', () => {
    expect(describeFailure(new UsageError("--set 'x' is not of the form key=value"), false)).toEqual({
      code: 2,
      text: "error: --set 'x' is not of the form key=value\n(npm run lab -- --help for usage)\n",
    });
    const lab = describeFailure(new LabError(ErrorCode.DataUnsuitable, 'too few users'), false);
    expect(lab).toEqual({ code: 2, text: 'error: OL107: too few users\n' });
  });

  it('reports anything else as a bug, exit 1, in one line plus a hint, with no stack', () => {
    const r = describeFailure(new TypeError('field.safeParse is not a function\nsecond line'), false);
    expect(r.code).toBe(1);
    expect(r.text).toBe(
      'error: unexpected failure (a bug in objective-lab): TypeError: field.safeParse is not a function\n' +
        '(rerun with --debug or OBJECTIVE_LAB_DEBUG=1 for the stack)\n',
    );
    expect(r.text).not.toMatch(/\bat /);
  });

  it('adds the stack when asked (--debug), and copes with a thrown non-Error', () => {
    expect(describeFailure(new Error('boom'), true).text).toMatch(/boom\nError: boom\n\s+at /);
    expect(describeFailure('a string', false)).toMatchObject({ code: 1, text: expect.stringMatching(/^error: unexpected failure \(a bug in objective-lab\): a string\n/) });
  });
});
