// The AMP-CF lesson: personas against one vector, P = 1 as MF, a vector large enough for every taste, and entropy.
import type { LessonPlan } from '../../lessons/lessonPlan';

export const ampCfLesson: LessonPlan = {
  base: { dataset: 'tiny', epochs: 6 },
  defaultRun: '{default:epochs} epochs of MF and AMP-CF ({default:personas} personas, d = {default:dim}) on {default:dataset}, one seed; the lesson’s steps run on tiny.',
  steps: [
    {
      title: 'Several tastes, several vectors',
      task: 'Apply the step (tiny data, 6 epochs) and press ▶ Train.',
      settings: {},
      watch: { target: 'chart-tasteDistance', name: 'Taste distance: history vs top-10 genre mix' },
      question: 'Whose lists sit closer to each user’s own genre mix (lower is closer): MF’s or AMP-CF’s?',
      explanation:
        'One vector per user is a compromise between the user’s tastes; personas let each item be scored by the taste it matches. Recorded on workshop after 15 epochs: ' +
        'taste distance {finding:amp-cf.taste-distance/amp:2} for AMP-CF against {finding:amp-cf.taste-distance/mf:2} for MF, at HR@10 {finding:amp-cf.hit/amp} ' +
        'against {finding:amp-cf.hit/mf} ({measured:amp-cf.taste-distance}).',
    },
    {
      title: 'Explained recommendations',
      task: 'Apply the step (another seed) and train; then read the persona cards and the explained lists.',
      settings: { seed: 7 },
      watch: { target: 'ampcf-recs', name: 'The top 10, explained by persona' },
      question: 'Do the personas that ask for each recommendation look like different tastes of the same user?',
      explanation:
        'Each history item goes to the persona that attends to it most, and each recommendation names the persona that asked for it. Over users with two or more ' +
        'true tastes, personas sort history items by taste with purity {finding:amp-cf.purity/amp:2}, against {finding:amp-cf.purity/chance:2} at random ' +
        '({measured:amp-cf.purity}).',
    },
    {
      title: 'One persona is MF',
      task: 'Apply the step (P = 1) and train.',
      settings: { personas: 1 },
      watch: { target: 'chart-loss', name: 'Training loss' },
      question: 'What happens to the two loss curves?',
      explanation: 'They coincide step for step: with one persona the attention has nothing to choose, and AMP-CF is plain MF trained by the same code on the same batches.',
    },
    {
      title: 'Room for every taste',
      task: 'Apply the step (vector size d = 32, more than the 18 genres) and train.',
      settings: { dim: 32 },
      watch: { target: 'chart-ndcg', name: 'NDCG@10 of the held-out click' },
      question: 'With room for every taste in one vector, do the personas still pay off?',
      explanation:
        'A vector larger than the number of tastes can hold them all, so MF catches up and the personas’ extra parameters stop paying. Recorded on workshop: NDCG@10 ' +
        '{finding:amp-cf.d32-ndcg/amp} for AMP-CF against {finding:amp-cf.d32-ndcg/mf} for MF ({measured:amp-cf.d32-ndcg}).',
    },
  ],
};
