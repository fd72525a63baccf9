// The pop-vs-mf lesson: learned taste against popularity, then what L2, the vector size and the optimiser do.
import type { LessonPlan } from '../../lessons/lessonPlan';

export const popVsMfLesson: LessonPlan = {
  base: { dataset: 'tiny', epochs: 30 },
  defaultRun: '{default:epochs} epochs of BPR-MF on {default:dataset}, one seed; the lesson’s steps run on tiny.',
  steps: [
    {
      title: 'Learned taste against popularity',
      task: 'Apply the step (tiny data, 30 epochs) and press ▶ Train.',
      settings: {},
      watch: { target: 'chart-ndcg', name: 'NDCG@10 on held-out clicks' },
      question: 'Does MF’s NDCG@10 climb above the dashed popularity line, and after how many epochs?',
      explanation:
        'Popularity does not train: its line is flat. MF starts below it (random vectors) and overtakes it once its vectors tell users apart. ' +
        'On workshop after 20 epochs the recorded NDCG@10 is {finding:pop-vs-mf.ndcg/mf} for MF against {finding:pop-vs-mf.ndcg/pop} for popularity ' +
        '({measured:pop-vs-mf.ndcg}); tiny is smaller and noisier, so compare the direction, not the numbers.',
    },
    {
      title: 'Who gets what: coverage',
      task: 'Apply the step (another seed) and train again.',
      settings: { seed: 7 },
      watch: { target: 'chart-coverage', name: 'Catalogue coverage of the top-10 lists' },
      question: 'Which method shows more of the catalogue across all users — and did the new seed change which method wins?',
      explanation:
        'Popularity shows nearly everyone the same items, so its lists cover a sliver of the catalogue; MF’s lists differ per user. On workshop: ' +
        '{finding:pop-vs-mf.coverage/mf:2} of the items for MF against {finding:pop-vs-mf.coverage/pop:2} for popularity ({measured:pop-vs-mf.coverage}). ' +
        'A new seed moves the curves a little; the ranking of the two methods does not change.',
    },
    {
      title: 'Take the brake off: L2 = 0',
      task: 'Apply the step (L2 set to 0, 60 epochs) and train.',
      settings: { l2: 0, epochs: 60 },
      watch: { target: 'chart-ndcg', name: 'NDCG@10 on held-out clicks' },
      question: 'Does NDCG@10 keep rising, or does it peak and slide while the training loss keeps falling?',
      explanation:
        'Without the L2 penalty the vectors grow to fit the training clicks exactly: the loss keeps falling while the held-out score peaks and slides. ' +
        'That is overfitting — the penalty trades a little training fit for scores that hold on clicks the model has not seen.',
    },
    {
      title: 'Too small to tell tastes apart',
      task: 'Apply the step (vectors of size 2) and train.',
      settings: { embeddingDim: 2 },
      watch: { target: 'chart-ndcg', name: 'NDCG@10 on held-out clicks' },
      question: 'How close does MF with two numbers per user come to popularity?',
      explanation:
        'Two dimensions leave room for about one direction of taste besides popularity, so MF falls back towards the popularity line. ' +
        'The vector size is a capacity knob: too small and personalisation has nowhere to live.',
    },
    {
      title: 'A run that blows up',
      task: 'Apply the step (SGD, learning rate 100, batches of 16) and train.',
      settings: { optimizer: 'sgd', learningRate: 100, batchSize: 16 },
      watch: { target: 'chart-loss', name: 'Training loss (BPR-MF)' },
      question: 'What happens to the loss, and what does the lab do when it is no longer a number?',
      explanation:
        'Plain SGD takes the full step on every noisy small batch; at this rate the vectors overshoot, the loss explodes and becomes non-finite, and the run ' +
        'stops as diverged, keeping every step it took. Adam rescales each step, which is why the default survives rates SGD does not.',
    },
  ],
};
