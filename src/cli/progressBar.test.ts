import { describe, expect, it } from 'vitest';
import { eta, formatDuration, ProgressBar, renderProgress, type ProgressState } from './progressBar';

const state: ProgressState = { stepsDone: 25, totalSteps: 100, epoch: 2, totalEpochs: 4, latest: { 'loss/mf': 0.5 }, elapsedMs: 5000 };

describe('progress text', () => {
  it('estimates the time left from the average pace so far', () => {
    expect(eta(state)).toBe(15000);
    expect(eta({ ...state, stepsDone: 0 })).toBeUndefined();
  });

  it('formats durations in s, m and h', () => {
    expect([formatDuration(4_400), formatDuration(185_000), formatDuration(3_720_000)]).toEqual(['4s', '3m05s', '1h02m']);
  });

  it('shows steps, epoch, the latest loss and the ETA, with a bar of the asked width', () => {
    expect(renderProgress(state, 8)).toBe('[##......] 25/100 steps  epoch 2/4  loss/mf 0.5  ETA 15s');
    expect(renderProgress(state, 0)).toBe('25/100 steps  epoch 2/4  loss/mf 0.5  ETA 15s');
  });
});

describe('ProgressBar', () => {
  const feed = (bar: ProgressBar) => {
    bar.onEvent({ kind: 'started', totalSteps: 4, stepsPerEpoch: 2, info: {} });
    bar.onEvent({ kind: 'step', step: 1, epoch: 1, totalSteps: 4, values: { loss: 0.7 } });
    bar.onEvent({ kind: 'epoch', step: 2, epoch: 1, values: { ndcg: 0.1 } });
    bar.finish();
  };

  it('writes one line per epoch when the stream is not a terminal', () => {
    const out: string[] = [];
    feed(new ProgressBar({ write: (t) => out.push(t), isTTY: false }, () => 0));
    expect(out).toEqual(['2/4 steps  epoch 1/2  loss 0.7  ETA –\n']);
  });

  it('redraws in place on a terminal and ends with a newline', () => {
    const out: string[] = [];
    let t = 0;
    feed(new ProgressBar({ write: (s) => out.push(s), isTTY: true, columns: 100 }, () => (t += 1000)));
    expect(out.slice(0, -1).every((s) => s.startsWith('\r') && s.endsWith('\x1b[K'))).toBe(true);
    expect(out.at(-1)).toBe('\n');
  });
});
