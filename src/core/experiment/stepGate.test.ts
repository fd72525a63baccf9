import { describe, expect, it } from 'vitest';
import { gateStep, StepGate } from './stepGate';

const tick = () => new Promise((r) => setTimeout(r, 5));

/** Runs `n` fake steps through the gate and counts how many got through. */
function driver(gate: StepGate, n: number) {
  const state = { done: 0 };
  const finished = (async () => {
    for (let i = 0; i < n; i++) {
      await gate.beforeStep();
      state.done++;
    }
  })();
  return { state, finished };
}

describe('StepGate', () => {
  it('lets every step through while running', async () => {
    const { state, finished } = driver(new StepGate('running'), 10);
    await finished;
    expect(state.done).toBe(10);
  });

  it('holds a paused run until resumed', async () => {
    const gate = new StepGate('paused');
    const { state, finished } = driver(gate, 3);
    await tick();
    expect(state.done).toBe(0);
    gate.resume();
    await finished;
    expect(state.done).toBe(3);
  });

  it('lets exactly one step through per step() while paused', async () => {
    const gate = new StepGate('paused');
    const { state } = driver(gate, 5);
    gate.step();
    await tick();
    expect(state.done).toBe(1);
    gate.step();
    gate.step();
    await tick();
    expect(state.done).toBe(3);
  });

  it('pauses a running run before its next step', async () => {
    const gate = new StepGate('running', { yieldEveryMs: 0 });
    const { state } = driver(gate, 1000);
    await tick();
    gate.pause();
    await tick();
    const held = state.done;
    await tick();
    expect(state.done).toBe(held);
    expect(held).toBeLessThan(1000);
  });

  it('hands the event loop back while running, so a timer (a message, Ctrl-C) gets its turn', async () => {
    const gate = new StepGate('running', { yieldEveryMs: 0 });
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    let stepsBeforeTimer = 0;
    for (let i = 0; i < 100 && !timerRan; i++) {
      await gate.beforeStep();
      stepsBeforeTimer++;
    }
    expect(timerRan).toBe(true);
    expect(stepsBeforeTimer).toBeLessThan(100);
  });

  it('calls the hold callback once before holding a paused run, so the run can show what it has', async () => {
    const gate = new StepGate('paused');
    let holds = 0;
    let passed = false;
    void gate.beforeStep(async () => void holds++).then(() => (passed = true));
    await tick();
    expect(holds).toBe(1);
    expect(passed).toBe(false);
    gate.step();
    await tick();
    expect(passed).toBe(true);
    expect(holds).toBe(1);
  });

  it('releases a paused run when its signal aborts', async () => {
    const ctrl = new AbortController();
    const gate = new StepGate('paused', { signal: ctrl.signal });
    const { state, finished } = driver(gate, 2);
    await tick();
    ctrl.abort();
    await finished;
    expect(state.done).toBe(2); // the run itself checks the signal and stops; the gate just never hangs
  });
});

describe('gateStep', () => {
  it('steps when running, says aborted after an abort, and ends when the paused drain found a bad loss', async () => {
    expect(await gateStep({})).toBe('step');
    const ctrl = new AbortController();
    ctrl.abort();
    expect(await gateStep({ signal: ctrl.signal })).toBe('aborted');
    // A paused gate calls the drain once before holding; a drain that fails ends the run.
    const gate = new StepGate('paused');
    let drained = 0;
    const verdict = gateStep({ control: gate }, async () => {
      drained++;
      return false;
    });
    expect(await verdict).toBe('end');
    expect(drained).toBe(1);
  });
});
