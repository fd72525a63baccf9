// Lessons in the store: a step's button sets the config, the step is done only when a run with its settings ends on
// its own, and a classroom link's locked settings keep their value.
import { describe, expect, it } from 'vitest';
import { getLab } from '../core/labs/registry';
import { recordingStore } from './testing/recordingStore';

const plan = getLab('pop-vs-mf').lessonPlan!;

function finish(s: ReturnType<typeof recordingStore>, status: 'completed' | 'stopped' | 'diverged' = 'completed') {
  s.store.getState().play();
  const runId = s.store.getState().activeRunId!;
  s.worker().onMessage({ type: 'done', runId, result: { outcome: status === 'completed' ? { status } : status === 'stopped' ? { status, atStep: 1 } : { status, atStep: 1, message: 'x' } } as never });
}

describe('a lesson in the store', () => {
  it('opens a lab from the start page with its lesson at a step', () => {
    const { store } = recordingStore();
    store.getState().showStart();
    expect(store.getState().view).toBe('start');
    store.getState().openLab('weighting', 0);
    expect(store.getState()).toMatchObject({ view: 'lab', labId: 'weighting', lessonStep: { weighting: 0 } });
  });

  it('applies a step over the defaults and the lesson base', () => {
    const { store } = recordingStore();
    store.getState().setConfigValue('seed', 99);
    store.getState().applyLessonStep(2);
    expect(store.getState().configs['pop-vs-mf']).toEqual({ ...getLab('pop-vs-mf').defaults, ...plan.base, ...plan.steps[2].settings });
  });

  it('marks the step done when a run with its settings completes, not when it is stopped or runs other settings', () => {
    const s = recordingStore();
    s.store.getState().applyLessonStep(0);
    finish(s, 'stopped');
    expect(s.store.getState().lessonDone['pop-vs-mf'] ?? []).toEqual([]);
    s.store.getState().setConfigValue('epochs', 3);
    finish(s);
    expect(s.store.getState().lessonDone['pop-vs-mf'] ?? []).toEqual([]);
    s.store.getState().applyLessonStep(0);
    finish(s);
    expect(s.store.getState().lessonDone['pop-vs-mf']).toEqual([0]);
  });

  it('counts a run that diverged as the end of a step that asks for one', () => {
    const s = recordingStore();
    s.store.getState().applyLessonStep(4);
    finish(s, 'diverged');
    expect(s.store.getState().lessonDone['pop-vs-mf']).toEqual([4]);
  });

  it('keeps locked settings and says which the step could not change; the step still counts', () => {
    const s = recordingStore();
    s.store.getState().setClassroom({ lock: ['dataset'], hide: [] });
    expect(s.store.getState().applyLessonStep(0)).toEqual(['dataset']);
    expect(s.store.getState().configs['pop-vs-mf'].dataset).toBe(getLab('pop-vs-mf').defaults.dataset);
    finish(s);
    expect(s.store.getState().lessonDone['pop-vs-mf']).toEqual([0]);
  });

  it('refuses, with a notice, any change to a locked setting (an import switching the dataset included)', () => {
    const { store } = recordingStore();
    store.getState().setClassroom({ lock: ['dataset'], hide: [] });
    store.getState().setConfigValue('dataset', 'tiny');
    expect(store.getState().configs['pop-vs-mf'].dataset).toBe(getLab('pop-vs-mf').defaults.dataset);
    expect(store.getState().notices.join('\n')).toContain("'dataset' is locked");
    store.getState().setConfigValue('epochs', 3);
    expect(store.getState().configs['pop-vs-mf'].epochs).toBe(3);
  });
});
