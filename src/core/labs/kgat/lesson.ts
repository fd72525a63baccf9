// The KGAT lesson.
import type { LessonPlan } from '../../lessons/lessonPlan';

export const kgatLesson: LessonPlan = {
  base: { dataset: 'workshop' },
  defaultRun: '{default:epochs} epochs of every model on {default:dataset}, one seed.',
  steps: [],
};
