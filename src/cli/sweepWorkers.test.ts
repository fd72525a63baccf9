import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';
import { shardArgv } from './sweepWorkers';

describe('shardArgv', () => {
  it('gives each worker the sweep it was given, without --workers, --out and --csv, plus its shard and part', () => {
    const argv = ['sweep', 'weighting', '--plan', 'pareto:3', '--config', 'c.json', '--set', 'dataset=tiny', '--set', 'name=a=b', '--seed', '43', '--data', 'd.csv', '--threshold', '3', '--min-per-user', '5', '--min-per-item', '2', '--backend', 'cpu', '--workers', '4', '--out', 'all.json', '--csv', 'all.csv'];
    const cmd = parseCliArgs(argv);
    if (cmd.kind !== 'sweep') throw new Error('not a sweep');
    const child = parseCliArgs(shardArgv(cmd, { index: 2, count: 4 }, '/tmp/p/part-2.json'));
    const { workers, out, csv, ...same } = cmd;
    expect([workers, out, csv]).toEqual([4, 'all.json', 'all.csv']);
    expect(child).toEqual({ ...same, shard: { index: 2, count: 4 }, out: '/tmp/p/part-2.json', csv: undefined });
  });

  it('passes a grid on key by key, values in order', () => {
    const cmd = parseCliArgs(['sweep', 'pop-vs-mf', '--vary', 'epochs=1,2', '--vary', 'optimizer=adam,sgd', '--workers', '2']);
    if (cmd.kind !== 'sweep') throw new Error('not a sweep');
    expect(shardArgv(cmd, { index: 0, count: 2 }, 'p.json')).toEqual(['sweep', 'pop-vs-mf', '--vary', 'epochs=1,2', '--vary', 'optimizer=adam,sgd', '--backend', 'wasm', '--shard', '0/2', '--out', 'p.json']);
  });
});
