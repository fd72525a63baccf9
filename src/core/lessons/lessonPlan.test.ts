// The lesson model: a step's settings sit over the lesson base, a run matches a step only with every named
// setting, locked settings are skipped, and a broken lesson is reported, not accepted.
import { describe, expect, it } from 'vitest';
import { getLab } from '../labs/registry';
import { fillDefaults, lessonProblems, lessonTexts, runMatchesStep, stepSettings, type LessonPlan } from './lessonPlan';

const lab = getLab('pop-vs-mf');
const plan: LessonPlan = {
  base: { dataset: 'tiny', epochs: 3 },
  defaultRun: '{default:epochs} epochs on {default:dataset}',
  steps: [
    { title: 'a', task: 'b', settings: {}, watch: { target: 'chart-ndcg', name: 'NDCG' }, question: 'q', explanation: 'e' },
    { title: 'a', task: 'b', settings: { l2: 0, epochs: 5 }, watch: { target: 'chart-ndcg', name: 'NDCG' }, question: 'q', explanation: 'e' },
    { title: 'a', task: 'b', settings: { embeddingDim: 2 }, watch: { target: 'chart-ndcg', name: 'NDCG' }, question: 'q', explanation: 'e' },
  ],
};

describe('a lesson step', () => {
  it('applies the lesson base, then its own settings over it', () => {
    expect(stepSettings(plan, 0)).toEqual({ dataset: 'tiny', epochs: 3 });
    expect(stepSettings(plan, 1)).toEqual({ dataset: 'tiny', epochs: 5, l2: 0 });
  });

  it('is matched by a run whose config has every setting it names, and only then', () => {
    const config = { ...lab.defaults, dataset: 'tiny', epochs: 5, l2: 0 };
    expect(runMatchesStep(config, plan, 1)).toBe(true);
    expect(runMatchesStep({ ...config, l2: 0.01 }, plan, 1)).toBe(false);
    expect(runMatchesStep(config, plan, 0)).toBe(false);
  });

  it('ignores settings a classroom link locks (the step could not change them)', () => {
    const config = { ...lab.defaults, dataset: 'workshop', epochs: 5, l2: 0 };
    expect(runMatchesStep(config, plan, 1)).toBe(false);
    expect(runMatchesStep(config, plan, 1, new Set(['dataset']))).toBe(true);
  });
});

describe('lessonProblems', () => {
  it('accepts a valid lesson', () => {
    expect(lessonProblems(lab, plan)).toEqual([]);
  });

  it('reports a missing lesson, too few steps, settings the schema refuses, unknown findings and defaults', () => {
    expect(lessonProblems(lab, undefined)).toEqual(['pop-vs-mf has no lesson']);
    expect(lessonProblems(lab, { ...plan, steps: plan.steps.slice(0, 2) })[0]).toMatch(/3–5 steps/);
    const bad = { ...plan, steps: [...plan.steps.slice(0, 2), { ...plan.steps[2], settings: { embeddingDim: 1, nope: 1 }, explanation: 'It quotes {finding:weighting.loss-share/share}.' }] };
    const problems = lessonProblems(lab, bad).join('\n');
    expect(problems).toMatch(/step 3: .*embeddingDim/);
    expect(problems).toMatch(/nope/);
    expect(problems).toMatch(/weighting.loss-share is not the lab's/);
    expect(lessonProblems(lab, { ...plan, defaultRun: '{default:nope}' }).join('\n')).toMatch(/not a setting/);
  });

  it('lists every text a learner reads, for the typed-number check', () => {
    expect(lessonTexts(plan)).toHaveLength(1 + 5 * plan.steps.length);
  });

  it('fills {default:key} from the lab’s defaults', () => {
    expect(fillDefaults(plan.defaultRun, lab.defaults as Record<string, unknown>)).toBe(`${lab.defaults.epochs} epochs on ${lab.defaults.dataset}`);
  });
});
