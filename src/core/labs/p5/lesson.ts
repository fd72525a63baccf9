// The P5 lesson.
import type { LessonPlan } from '../../lessons/lessonPlan';

export const p5Lesson: LessonPlan = { base: { dataset: 'workshop' }, defaultRun: '', steps: [] };
