// The start page, each lab's lesson (which step is open, which steps' runs have finished) and a classroom link's
// locked and hidden settings. Steps are marked done by `noteRunEnded`, which the store calls when a run ends.
import type { StateCreator } from 'zustand';
import { parseField } from '../core/experiment/config';
import { runMatchesStep, stepSettings } from '../core/lessons/lessonPlan';
import { getLab } from '../core/labs/registry';
import type { RecordOutcome } from './resultsSlice';
import type { LabState } from './store';

export interface Classroom {
  /** Settings (and 'backend') shown but not changeable: a teacher's link fixed them. */
  lock: string[];
  /** Settings (and 'backend') left out of the form. */
  hide: string[];
}

export interface LessonSlice {
  view: 'start' | 'lab';
  /** The open step (0-based) of each lab whose lesson is open; absent: closed. */
  lessonStep: Record<string, number>;
  /** Steps whose run has finished, per lab (their explanation is shown and the next step unlocked). */
  lessonDone: Record<string, number[]>;
  classroom: Classroom;
  showStart(): void;
  /** Opens a lab (from the start page or the navigation), with its lesson at `step` when given. */
  openLab(labId: string, step?: number): void;
  openLessonStep(step: number): void;
  closeLesson(): void;
  /**
   * Sets the current lab's config to the step's: defaults, the lesson base, the step's settings. Locked settings
   * keep their value; returns their names (the panel says the step could not change them).
   */
  applyLessonStep(step: number): string[];
  setClassroom(c: Classroom): void;
  /** From the store: a run ended; if it ran the open step's settings to its end, that step is done. */
  noteRunEnded(labId: string, config: Record<string, unknown>, outcome: RecordOutcome): void;
}

export const createLessonSlice: StateCreator<LabState, [], [], LessonSlice> = (set, get) => ({
  view: 'lab',
  lessonStep: {},
  lessonDone: {},
  classroom: { lock: [], hide: [] },
  showStart: () => set({ view: 'start' }),
  openLab: (labId, step) => {
    get().setLab(labId);
    set((s) => ({ view: 'lab', lessonStep: step === undefined ? s.lessonStep : { ...s.lessonStep, [labId]: step } }));
  },
  openLessonStep: (step) => {
    const { labId } = get();
    const plan = getLab(labId).lessonPlan;
    if (!plan) return;
    const i = Math.max(0, Math.min(plan.steps.length - 1, Math.floor(step)));
    set((s) => ({ lessonStep: { ...s.lessonStep, [labId]: i } }));
  },
  closeLesson: () =>
    set((s) => {
      const lessonStep = { ...s.lessonStep };
      delete lessonStep[s.labId];
      return { lessonStep };
    }),
  applyLessonStep: (step) => {
    const { labId, configs, classroom } = get();
    const lab = getLab(labId);
    const plan = lab.lessonPlan;
    if (!plan || !plan.steps[step]) return [];
    const locked = new Set(classroom.lock);
    const next: Record<string, unknown> = { ...lab.defaults };
    const skipped: string[] = [];
    for (const [k, v] of Object.entries(configs[labId])) if (locked.has(k)) next[k] = v;
    for (const [k, v] of Object.entries(stepSettings(plan, step))) {
      if (locked.has(k)) {
        if (configs[labId][k] !== v) skipped.push(k);
        continue;
      }
      const r = parseField(lab, k, v);
      if (r.ok) next[k] = r.value;
    }
    set((s) => ({ configs: { ...s.configs, [labId]: next }, lessonStep: { ...s.lessonStep, [labId]: step } }));
    return skipped;
  },
  setClassroom: (classroom) => set({ classroom }),
  noteRunEnded: (labId, config, outcome) => {
    const s = get();
    const step = s.lessonStep[labId];
    const plan = getLab(labId).lessonPlan;
    // A step's run counts when it ran to its own end: completed, or diverged where the step asks for a run that blows up.
    if (step === undefined || !plan || (outcome.status !== 'completed' && outcome.status !== 'diverged')) return;
    if (!runMatchesStep(config, plan, step, new Set(s.classroom.lock))) return;
    const done = s.lessonDone[labId] ?? [];
    if (!done.includes(step)) set({ lessonDone: { ...s.lessonDone, [labId]: [...done, step] } });
  },
});
