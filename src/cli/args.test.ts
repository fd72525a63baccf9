import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './args';

const fails = (argv: string[], pattern: RegExp) => {
  expect(() => parseCliArgs(argv)).toThrow(UsageError);
  expect(() => parseCliArgs(argv)).toThrow(pattern);
};

describe('parseCliArgs', () => {
  it('reads "list" and the help flag', () => {
    expect(parseCliArgs(['list'])).toEqual({ kind: 'list' });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['run', 'pop-vs-mf', '-h'])).toEqual({ kind: 'help' });
  });

  it('reads a run with defaults: wasm backend, no sets, no files', () => {
    expect(parseCliArgs(['run', 'pop-vs-mf'])).toEqual({
      kind: 'run',
      labId: 'pop-vs-mf',
      configFile: undefined,
      sets: [],
      seed: undefined,
      out: undefined,
      csv: undefined,
      backend: 'wasm',
    });
  });

  it('keeps every --set in order, splitting at the first "=" only', () => {
    const c = parseCliArgs(['run', 'x', '--set', 'epochs=2', '--set', 'name=a=b', '--set', 'epochs=3']);
    expect(c.kind === 'run' && c.sets).toEqual([
      ['epochs', '2'],
      ['name', 'a=b'],
      ['epochs', '3'],
    ]);
  });

  it('reads every option of run, in either --opt value or --opt=value form', () => {
    const c = parseCliArgs(['run', 'x', '--config', 'c.json', '--seed=7', '--out', 'r.json', '--csv', 'm.csv', '--backend', 'cpu']);
    expect(c).toMatchObject({ kind: 'run', configFile: 'c.json', seed: 7, out: 'r.json', csv: 'm.csv', backend: 'cpu' });
  });

  it('rejects a missing or unknown command, and a run without a lab id', () => {
    fails([], /no command/);
    fails(['train'], /unknown command 'train'/);
    fails(['run'], /needs a lab id/);
  });

  it('rejects unknown options and stray arguments, naming them', () => {
    fails(['run', 'x', '--bogus'], /--bogus/);
    fails(['run', 'x', 'epochs=2'], /unexpected argument 'epochs=2'/);
    fails(['list', '--set', 'a=1'], /--set only applies to "run"/);
  });

  it('rejects a malformed --set, --seed or --backend, naming the value', () => {
    fails(['run', 'x', '--set', 'epochs'], /--set 'epochs' is not of the form key=value/);
    fails(['run', 'x', '--set', '=3'], /--set '=3'/);
    fails(['run', 'x', '--seed', '1.5'], /--seed '1.5'/);
    fails(['run', 'x', '--seed', 'abc'], /--seed 'abc'/);
    fails(['run', 'x', '--backend', 'webgpu'], /--backend 'webgpu' is not one of wasm, cpu/);
    fails(['run', 'x', '--out'], /--out/);
  });
});

describe('parseCliArgs: sweep', () => {
  it('reads a sweep with its --vary keys and values in order, and the base options', () => {
    const c = parseCliArgs(['sweep', 'pop-vs-mf', '--vary', 'epochs=1,2', '--vary=optimizer=adam,sgd', '--set', 'dataset=tiny', '--seed', '3', '--out', 's.json', '--csv', 's.csv']);
    expect(c).toEqual({
      kind: 'sweep',
      labId: 'pop-vs-mf',
      configFile: undefined,
      sets: [['dataset', 'tiny']],
      seed: 3,
      vary: [
        ['epochs', ['1', '2']],
        ['optimizer', ['adam', 'sgd']],
      ],
      out: 's.json',
      csv: 's.csv',
      backend: 'wasm',
    });
  });

  it('keeps "=" inside a varied value and accepts a single value', () => {
    const c = parseCliArgs(['sweep', 'x', '--vary', 'name=a=b,c']);
    expect(c.kind === 'sweep' && c.vary).toEqual([['name', ['a=b', 'c']]]);
    const one = parseCliArgs(['sweep', 'x', '--vary', 'epochs=5']);
    expect(one.kind === 'sweep' && one.vary).toEqual([['epochs', ['5']]]);
  });

  it('takes the data flags of run: --data with its threshold and k-core minimums', () => {
    const c = parseCliArgs(['sweep', 'x', '--vary', 'epochs=1,2', '--data', 'd.csv', '--threshold', '3', '--min-per-user', '5']);
    expect(c).toMatchObject({ kind: 'sweep', data: 'd.csv', threshold: 3, minPerUser: 5, minPerItem: undefined });
  });

  it('rejects a sweep without --vary, a malformed --vary and options that only run takes', () => {
    fails(['sweep', 'x'], /needs at least one --vary/);
    fails(['sweep'], /"sweep" needs a lab id/);
    fails(['sweep', 'x', '--vary', 'epochs'], /--vary 'epochs' is not of the form key=v1,v2/);
    fails(['sweep', 'x', '--vary', '=1,2'], /--vary '=1,2'/);
    fails(['sweep', 'x', '--vary', 'epochs=1,,2'], /empty value/);
    fails(['sweep', 'x', '--vary', 'epochs='], /empty value/);
    fails(['sweep', 'x', '--vary', 'epochs=1', '--threshold', '3'], /--threshold only applies with --data/);
    fails(['sweep', 'x', '--vary', 'epochs=1', '--backend', 'webgl'], /--backend 'webgl'/);
  });

  it("reads a sweep of one of the lab's plans, with or without a variant, and refuses it mixed with --vary", () => {
    const c = parseCliArgs(['sweep', 'weighting', '--plan', 'pareto:3', '--seed', '43']);
    expect(c).toMatchObject({ kind: 'sweep', labId: 'weighting', vary: [], plan: { id: 'pareto', variant: '3' }, seed: 43 });
    const plain = parseCliArgs(['sweep', 'weighting', '--plan', 'pareto']);
    expect(plain.kind === 'sweep' && plain.plan).toEqual({ id: 'pareto' });
    fails(['sweep', 'x', '--plan', 'pareto', '--vary', 'epochs=1'], /--plan and --vary do not mix/);
    fails(['sweep', 'x', '--plan', 'pareto:'], /--plan 'pareto:' is not of the form/);
    fails(['run', 'x', '--plan', 'pareto'], /--plan only applies to "sweep"/);
  });

  it('rejects --vary outside a sweep', () => {
    fails(['run', 'x', '--vary', 'epochs=1,2'], /--vary only applies to "sweep"/);
    fails(['list', '--vary', 'epochs=1,2'], /--vary only applies to "sweep"/);
  });

  it('parses findings with an optional lab, --quick and --out, and refuses run-only options', () => {
    expect(parseCliArgs(['findings'])).toEqual({ kind: 'findings', labId: undefined, quick: false, out: undefined, backend: 'wasm' });
    expect(parseCliArgs(['findings', 'weighting', '--quick', '--out', 'f.json'])).toEqual({ kind: 'findings', labId: 'weighting', quick: true, out: 'f.json', backend: 'wasm' });
    fails(['findings', '--set', 'epochs=1'], /--set does not apply to "findings"/);
    fails(['findings', 'a', 'b'], /unexpected argument 'b'/);
    expect(parseCliArgs(['findings', 'consumption', '--data-dir', '/data'])).toMatchObject({ kind: 'findings', labId: 'consumption', dataDir: '/data' });
    fails(['run', 'consumption', '--data-dir', '/data'], /--data-dir only applies to "findings"/);
    fails(['list', '--data-dir', '/data'], /--data-dir only applies to "findings"/);
    fails(['run', 'pop-vs-mf', '--quick'], /--quick only applies to "findings"/);
    expect(parseCliArgs(['findings', 'p5', '--only', 'leak, ml-100k'])).toMatchObject({ kind: 'findings', labId: 'p5', only: ['leak', 'ml-100k'] });
    fails(['findings', '--only', 'leak'], /--only needs a lab id/);
  });
});

describe('parseCliArgs: sharded sweeps and merge', () => {
  it('reads --shard i/n with i from 0, and --workers N', () => {
    const c = parseCliArgs(['sweep', 'x', '--vary', 'epochs=1,2', '--shard', '0/4', '--out', 'p0.json']);
    expect(c).toMatchObject({ kind: 'sweep', shard: { index: 0, count: 4 }, out: 'p0.json' });
    expect(parseCliArgs(['sweep', 'x', '--vary', 'epochs=1', '--shard=3/4'])).toMatchObject({ shard: { index: 3, count: 4 } });
    expect(parseCliArgs(['sweep', 'x', '--plan', 'pareto', '--workers', '3'])).toMatchObject({ kind: 'sweep', workers: 3 });
    expect(parseCliArgs(['sweep', 'x', '--vary', 'epochs=1'])).not.toHaveProperty('shard');
  });

  it('refuses a shard outside 0…n-1, a malformed one, a bad worker count, and both together', () => {
    fails(['sweep', 'x', '--vary', 'epochs=1', '--shard', '4/4'], /i counts from 0, so it must be below n \(0 to 3\)/);
    fails(['sweep', 'x', '--vary', 'epochs=1', '--shard', '0/0'], /n must be at least 1/);
    fails(['sweep', 'x', '--vary', 'epochs=1', '--shard', '1'], /--shard '1' is not of the form i\/n/);
    fails(['sweep', 'x', '--vary', 'epochs=1', '--shard=-1/4'], /not of the form i\/n/);
    fails(['sweep', 'x', '--vary', 'epochs=1', '--shard', '1.5/4'], /not of the form i\/n/);
    fails(['sweep', 'x', '--vary', 'epochs=1', '--workers', '0'], /--workers '0' is not a whole number ≥ 1/);
    fails(['sweep', 'x', '--vary', 'epochs=1', '--workers', 'two'], /--workers 'two'/);
    fails(['sweep', 'x', '--vary', 'epochs=1', '--workers', '2', '--shard', '0/2'], /--shard and --workers do not mix/);
    fails(['run', 'x', '--shard', '0/2'], /--shard only applies to "sweep"/);
    fails(['run', 'x', '--workers', '2'], /--workers only applies to "sweep"/);
    fails(['list', '--shard', '0/2'], /--shard only applies to "sweep"/);
  });

  it('reads merge with its parts in order, --out and --csv, and refuses no parts or a sweep option', () => {
    expect(parseCliArgs(['merge', 'p1.json', 'p0.json', '--out', 'all.json', '--csv', 'all.csv'])).toEqual({ kind: 'merge', parts: ['p1.json', 'p0.json'], out: 'all.json', csv: 'all.csv' });
    fails(['merge', '--out', 'all.json'], /"merge" needs the part files/);
    fails(['merge', 'p0.json', '--set', 'epochs=2'], /--set does not apply to "merge"/);
    fails(['merge', 'p0.json', '--shard', '0/2'], /--shard does not apply to "merge"/);
  });
});
