// The lab contract, checked for every lab in the registry on its `quick` settings: valid defaults, charts that say
// what they show, reproducible numbers, stop, pause and +1 step, and no tensor left behind. A new lab passes it
// by registering; its own tests only need what is particular to it.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../experiment/config';
import { describeSettings } from '../experiment/settings';
import { StepGate } from '../experiment/stepGate';
import type { Lab, ProgressEvent, RunResult } from '../experiment/types';
import { useWasm } from '../testing/tfSetup';
import { lessonProblems, LAB_PARTS } from '../lessons/lessonPlan';
import { LABS } from './registry';

beforeAll(useWasm);

type StepEvent = Extract<ProgressEvent, { kind: 'step' }>;
type EpochEvent = Extract<ProgressEvent, { kind: 'epoch' }>;
const stepsOf = (r: RunResult<unknown>) => r.events.filter((e): e is StepEvent => e.kind === 'step');
const epochsOf = (r: RunResult<unknown>) => r.events.filter((e): e is EpochEvent => e.kind === 'epoch');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The lab's quick config, with overrides, validated as the worker and the CLI would. */
const quick = (lab: Lab, over: Record<string, unknown> = {}) => resolveConfig(lab, { ...lab.quick, ...over }) as Lab['defaults'];

/** Every number of a run, for comparing two runs (events include every step and epoch value and every artifact). */
const numbers = (r: RunResult<unknown>) => JSON.stringify({ events: r.events, summary: r.summary, outcome: r.outcome, tables: r.tables });

describe.each(LABS.map((lab) => [lab.id, lab] as const))('the lab %s', (_id, lab) => {
  it('has defaults and quick settings its schema accepts, and every setting described', () => {
    expect(lab.schema.parse(lab.defaults)).toEqual(lab.defaults);
    expect(() => quick(lab)).not.toThrow();
    for (const s of describeSettings(lab)) {
      expect(s.label, s.key).not.toBe('');
      expect(s.help.length, `${s.key} has no description`).toBeGreaterThan(10);
    }
    expect(lab.papers.length + lab.whatToTry.length).toBeGreaterThan(0);
  });

  it('has a place on the start page and a lesson whose every step’s settings its schema accepts', () => {
    expect(LAB_PARTS.map((p) => p.id)).toContain(lab.place?.part);
    expect(Number.isInteger(lab.place?.order) && lab.place!.order > 0, 'order is a whole number ≥ 1').toBe(true);
    expect(LABS.filter((l) => l.place?.order === lab.place?.order).map((l) => l.id), 'order numbers are unique').toEqual([lab.id]);
    expect(lessonProblems(lab, lab.lessonPlan)).toEqual([]);
  });

  it('names every chart’s axes and unit, says which way is better, and gives each series a key, label and colour', () => {
    for (const c of lab.charts) {
      expect(c.title, c.id).not.toBe('');
      expect(c.xLabel, c.id).not.toBe('');
      expect(c.yLabel, c.id).not.toBe('');
      expect(c.unit, c.id).not.toBe('');
      expect(['higher', 'lower', 'none'], c.id).toContain(c.better);
      expect(c.series.length, c.id).toBeGreaterThan(0);
      for (const s of c.series) expect(s.key && s.label && /^#[0-9a-f]{6}$/i.test(s.color), `${c.id}/${s.key}`).toBeTruthy();
    }
    expect(new Set(lab.charts.map((c) => c.id)).size).toBe(lab.charts.length);
  });

  let first: RunResult<unknown>;

  it('runs its quick settings to completion: started first, epoch 0 untrained, every step once, the last epoch in the summary', async () => {
    const before = tf.memory().numTensors;
    first = await lab.run(quick(lab));
    expect(tf.memory().numTensors, 'tensors left behind').toBe(before);
    expect(first.outcome).toEqual({ status: 'completed' });
    expect(first.labId).toBe(lab.id);
    const started = first.events[0];
    expect(started.kind).toBe('started');
    const total = started.kind === 'started' ? started.totalSteps : -1;
    // At least two steps, so that stopping after the first one means something.
    expect(total).toBeGreaterThanOrEqual(2);
    expect(stepsOf(first).map((e) => e.step)).toEqual(range(1, total));
    expect(epochsOf(first)[0]).toMatchObject({ epoch: 0, step: 0 });
    // The summary reports every metric of the last epoch (a lab may aggregate it, e.g. a mean over seeds).
    for (const [k, v] of Object.entries(epochsOf(first).at(-1)!.values)) if (Number.isFinite(v)) expect(Number.isFinite(first.summary[k]), k).toBe(true);
  });

  it('draws only what the run emits: each chart has at least one series in the quick run, and each path its x', () => {
    for (const c of lab.charts) {
      const events: { values: Record<string, number> }[] = c.source === 'step' ? stepsOf(first) : epochsOf(first);
      const emitted = c.series.filter((s) => events.some((e) => Number.isFinite(e.values[s.key])));
      expect(emitted.length, `${c.id} draws nothing on the quick run`).toBeGreaterThan(0);
      if (c.xKey) expect(events.some((e) => Number.isFinite(e.values[c.xKey!])), `${c.id} has no ${c.xKey}`).toBe(true);
    }
  });

  it('gives the same numbers for the same seed, and other numbers for another seed', async () => {
    const again = await lab.run(quick(lab));
    expect(numbers(again)).toBe(numbers(first));
    const other = await lab.run(quick(lab, { seed: Number(quick(lab).seed) + 1 }));
    expect(numbers(other)).not.toBe(numbers(first));
  });

  it('stops when aborted after its first step, reporting every step taken and none after, freeing its tensors', async () => {
    const before = tf.memory().numTensors;
    const ctrl = new AbortController();
    const r = await lab.run(quick(lab), { signal: ctrl.signal, onProgress: (e) => e.kind === 'step' && ctrl.abort() });
    expect(r.outcome.status).toBe('stopped');
    const atStep = r.outcome.status === 'stopped' ? r.outcome.atStep : -1;
    expect(atStep).toBeGreaterThanOrEqual(1);
    expect(stepsOf(r).map((e) => e.step)).toEqual(range(1, atStep));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('takes no step while paused, exactly one per step(), and the rest after resume()', async () => {
    const gate = new StepGate('paused');
    const steps: number[] = [];
    let epoch0!: () => void;
    const sawEpoch0 = new Promise<void>((r) => (epoch0 = r));
    const until = async (n: number) => {
      for (let i = 0; i < 2000 && steps.length < n; i++) await new Promise((r) => setTimeout(r, 5));
    };
    const settle = async () => {
      for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
    };
    const done = lab.run(quick(lab), {
      control: gate,
      onProgress: (e) => {
        if (e.kind === 'epoch' && e.epoch === 0) epoch0();
        if (e.kind === 'step') steps.push(e.step);
      },
    });
    await sawEpoch0;
    await settle();
    expect(steps).toEqual([]);
    gate.step();
    await until(1);
    await settle();
    expect(steps).toEqual([1]);
    gate.resume();
    const r = await done;
    expect(r.outcome).toEqual({ status: 'completed' });
    expect(steps).toEqual(stepsOf(first).map((e) => e.step));
  });
});
