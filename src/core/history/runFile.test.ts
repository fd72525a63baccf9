import { describe, expect, it } from 'vitest';
import { HOSTILE_RUN_FILES, MINIMAL_CLI_RECORD } from './fixtures/hostileRunFiles';
import { eventsOf, parseRunFile, RUN_FILE_VERSION, toRunFile, toRunsFile } from './runFile';
import { getLab } from '../labs/registry';
import { defaultRunName, historyOrder, thinForSaving, type SavedRun } from './savedRun';

const run = (over: Partial<SavedRun> = {}): SavedRun => ({
  id: 'a1',
  name: 'l2=0.01',
  pinned: true,
  createdAt: '2026-05-01T10:00:00.000Z',
  labId: 'pop-vs-mf',
  config: { ...getLab('pop-vs-mf').defaults, dataset: 'tiny', epochs: 2, seed: 7 },
  backend: 'wasm',
  backendReport: { requested: 'auto', active: 'wasm', attempts: [{ name: 'webgpu', ok: false, reason: 'no adapter' }, { name: 'wasm', ok: true }] },
  seed: 7,
  outcome: { status: 'completed' },
  summary: { 'ndcg/mf': 0.2, 'ndcg/pop': Number.NaN },
  totalSteps: 4,
  stepsPerEpoch: 2,
  info: { users: 100 },
  epochs: [
    { step: 0, epoch: 0, values: { 'ndcg/mf': 0.05 } },
    { step: 2, epoch: 1, values: { 'ndcg/mf': 0.1 } },
    { step: 4, epoch: 2, values: { 'ndcg/mf': 0.2, 'ndcg/pop': Number.NaN } },
  ],
  steps: [1, 2, 3, 4].map((s) => ({ step: s, epoch: Math.ceil(s / 2), values: { 'loss/mf': 1 / s, 'reward/relevance': s } })),
  stepStride: 1,
  stepsSeen: 4,
  artifacts: { cards: { v: 1 } },
  origin: 'browser',
  ...over,
});

describe('a run file', () => {
  it("is a superset of the CLI's --out record: the same fields first, steps nested by group, events in run order", () => {
    const file = toRunFile(run());
    expect(Object.keys(file).slice(0, 12)).toEqual(['format', 'version', 'tool', 'createdAt', 'labId', 'config', 'backend', 'outcome', 'summary', 'events', 'steps', 'name']);
    expect(Object.keys(MINIMAL_CLI_RECORD).every((k) => k in file)).toBe(true);
    expect(file.version).toBe(RUN_FILE_VERSION);
    expect(file.steps[0]).toEqual({ step: 1, epoch: 1, losses: { mf: 1 }, rewards: { relevance: 1 } });
    expect(eventsOf(run()).map((e) => (e.kind === 'step' || e.kind === 'epoch' ? `${e.kind}${e.step}` : e.kind))).toEqual([
      'started', 'epoch0', 'step1', 'step2', 'epoch2', 'step3', 'step4', 'epoch4', 'artifact',
    ]);
  });

  it('round-trips through JSON text: everything but the id comes back (NaN written as null reads back as unmeasured)', () => {
    const original = run();
    const r = parseRunFile(JSON.stringify(toRunFile(original)), 'run.json', Date.parse('2026-06-01'), () => 0.5);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [back] = r.runs;
    const { id, origin, ...rest } = back;
    expect(id).not.toBe(original.id); // imported copies never replace a kept run
    expect(origin).toBe('app file');
    const { id: _i, origin: _o, ...want } = original;
    expect(rest).toEqual({ ...want, epochs: [...want.epochs.slice(0, 2), { step: 4, epoch: 2, values: { 'ndcg/mf': 0.2 } }] });
  });

  it('reads a selection of runs, in history order', () => {
    const text = JSON.stringify(toRunsFile([run({ pinned: false, name: 'old' }), run({ pinned: false, name: 'new', createdAt: '2026-05-02T00:00:00.000Z' })], new Date()));
    const r = parseRunFile(text, 'runs.json');
    expect(r.ok && r.runs.map((x) => x.name)).toEqual(['new', 'old']);
  });

  it("reads the CLI's --out record: config completed with defaults, name from the tool and date", () => {
    const r = parseRunFile(JSON.stringify(MINIMAL_CLI_RECORD), 'cli.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.runs[0]).toMatchObject({ labId: 'pop-vs-mf', name: 'from the CLI 2026-05-01 10:00', origin: 'cli file', seed: 42, totalSteps: 1, stepsSeen: 1, summary: { 'ndcg/mf': 0.1 } });
    expect(r.runs[0].config).toMatchObject({ dataset: 'tiny', epochs: 1 });
  });

  it('thins a long run to at most 500 steps, evenly, keeping the last', () => {
    const steps = Array.from({ length: 1203 }, (_, k) => k + 1);
    const t = thinForSaving(steps, 2);
    expect(t.items.length).toBeLessThanOrEqual(500);
    expect(t.stride).toBe(8);
    expect(t.items.slice(0, 3)).toEqual([1, 5, 9]);
    expect(t.items.at(-1)).toBe(1203);
  });

  for (const c of HOSTILE_RUN_FILES) {
    it(`refuses ${c.name} naming the file and the problem`, () => {
      const r = parseRunFile(c.text, c.name);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.message.startsWith(`OL501 ${c.name}: `), r.message).toBe(true);
      expect(r.message).toMatch(c.message);
    });
  }

  it('drops a __proto__ key rather than let it reach a prototype', () => {
    const text = JSON.stringify(MINIMAL_CLI_RECORD).replace('"summary":{', '"summary":{"__proto__":{"polluted":1},');
    const r = parseRunFile(text, 'proto.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.runs[0].summary)).toBe(Object.prototype);
    expect(Object.keys(r.runs[0].summary)).toEqual(['ndcg/mf']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names a run after the settings that differ from the defaults', () => {
    expect(defaultRunName({ a: 1, b: 'x', seed: 3 }, { a: 1, b: 'y', seed: 42 })).toBe('b=x');
    expect(defaultRunName({ a: 1 }, { a: 1 })).toBe('defaults');
    expect(defaultRunName({ a: 2, b: 2, c: 2, d: 2 }, {})).toBe('a=2, b=2, c=2 +1');
  });

  it('orders pinned runs first, then newest first', () => {
    const list = [run({ id: 'x', pinned: false, createdAt: '2026-01-01T00:00:00Z' }), run({ id: 'y', pinned: false, createdAt: '2026-02-01T00:00:00Z' }), run({ id: 'z', pinned: true, createdAt: '2025-01-01T00:00:00Z' })];
    expect(list.sort(historyOrder).map((r) => r.id)).toEqual(['z', 'y', 'x']);
  });
});
