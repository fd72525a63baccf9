// The consumption lesson: the exact model (k = N, k = 1, one dominant taste), then the trained comparison.
import type { LessonPlan } from '../../lessons/lessonPlan';

export const consumptionLesson: LessonPlan = {
  base: { dataset: 'tiny', trainSeeds: 2, warmStartEpochs: 2, embeddingDim: 8 },
  defaultRun:
    'the explorer is exact and instant; ▶ Train adds the trained comparison: {default:trainSeeds} seeds on {default:dataset}, {default:warmStartEpochs} epochs each. The lesson’s steps train on tiny.',
  steps: [
    {
      title: 'Everything consumed',
      task: 'Apply the step (k = N: the user consumes all ten) and press ▶ Train.',
      settings: { k: 10 },
      watch: { target: 'explorer-optimal', name: 'Items per type: optimal list vs top-N' },
      question: 'How does the optimal list spread its ten items over the types, compared with the top ten by probability?',
      explanation:
        'When every item is consumed, each item counts on its own, so the best list is simply the ten most likely to be good: all of them of the most likely type. ' +
        'The optimal list and the top N are the same list, and the gap between them is 0.',
    },
    {
      title: 'Only the best one is consumed',
      task: 'Apply the step (k = 1, Bernoulli values) and train.',
      settings: { k: 1, value: 'bernoulli' },
      watch: { target: 'explorer-optimal', name: 'Items per type: optimal list vs top-N' },
      question: 'Now the user takes only the best item. Does the optimal list still put everything on one type?',
      explanation:
        'A second good item of the same type adds nothing if the user takes one: what matters is the chance that at least one item fits. Hedging over the two likely ' +
        'tastes raises that chance, so the optimal list splits — diverse because it is accurate for this user, at no cost in Precision.',
    },
    {
      title: 'One dominant taste',
      task: 'Apply the step (one dominant taste, k = 1) and train.',
      settings: { k: 1, tastes: 'dominant' },
      watch: { target: 'explorer-optimal', name: 'Items per type: optimal list vs top-N' },
      question: 'Which list wins Precision now, and which wins the chance of at least one good item?',
      explanation:
        'With one dominant taste the top N wins Precision, yet the spread-out optimal list still wins the chance of at least one good item: the trade-off appears ' +
        'only under the metric that assumes everything is consumed.',
    },
    {
      title: 'On a trained recommender',
      task: 'Apply the step (the default explorer, tiny data) and train; then read the table under the charts.',
      settings: { k: 1, tastes: 'two' },
      watch: { target: 'trained-table', name: 'The trained comparison table' },
      question: 'Does each consumption-aware list win the utility it is built for, and what does it pay in Precision@10?',
      explanation:
        'Each list is built for a user who consumes c items, so it should win U_c and may lose Precision. Recorded on workshop: U₂ {finding:consumption.u2-c2/aware} ' +
        'against {finding:consumption.u2-c2/top} for c = 2, U₃ {finding:consumption.u3-c3/aware} against {finding:consumption.u3-c3/top} for c = 3, and ' +
        'Precision@10 {finding:consumption.precision-c2/aware} against {finding:consumption.precision-c2/top} ({measured:consumption.u2-c2}).',
    },
    {
      title: 'Only as good as its taste estimate',
      task: "Apply the step (taste source 'history': the raw genre mix of each user's clicks) and train.",
      settings: { k: 1, tastes: 'two', tasteSource: 'history' },
      watch: { target: 'trained-table', name: 'The trained comparison table' },
      question: 'With tastes read straight from the history, does re-ranking still help?',
      explanation:
        'The raw history mix counts genres the user clicked by chance, so the lists hedge over tastes the user does not have. Recorded on workshop: its distance to the ' +
        'true tastes is JS {finding:consumption.history-estimate/history:2} against {finding:consumption.history-estimate/lift:2} for the default estimate, and HR@10 ' +
        'for c = 1 becomes {finding:consumption.history-hr-c1/aware} against {finding:consumption.history-hr-c1/top} for the top 10 ({measured:consumption.history-estimate}).',
    },
  ],
};
