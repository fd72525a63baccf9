// The weighting lesson: a hand weight moved, RC against DVAO, a noisy objective, and a loss-side method.
import type { LessonPlan } from '../../lessons/lessonPlan';

export const weightingLesson: LessonPlan = {
  base: { dataset: 'tiny', epochs: 6, warmStartEpochs: 2, usersPerStep: 32 },
  defaultRun:
    '{default:warmStartEpochs} warm-start epochs, then {default:epochs} epochs on three objectives with {default:method}, on {default:dataset}; the lesson’s steps run on tiny.',
  steps: [
    {
      title: 'Accuracy, scored two ways',
      task: 'Apply the step (tiny data, DVAO, the default weights) and press ▶ Train.',
      settings: {},
      watch: { target: 'chart-consumed-all', name: 'Accuracy if every item is consumed' },
      question: 'Compare this chart with the one beside it (a user who consumes only a few): do the two views of accuracy move together?',
      explanation:
        'Precision and NDCG count every hit in the ten as if the user consumed them all; HR@10 and U_c only ask whether the user finds the few they take. ' +
        'A list that spreads over tastes can lose on the first view and not on the second: keep both in sight in the next step.',
    },
    {
      title: 'Raise the diversity weight',
      task: 'Apply the step (diversity weight at the top of its slider) and train. You can also drag the slider while it trains: a dashed marker shows where it took effect.',
      settings: { wDiversity: 1 },
      watch: { target: 'chart-consumed-few', name: 'Accuracy if the user consumes only a few' },
      question: 'With diversity weighted up, does Precision@10 fall by a larger share than HR@10?',
      explanation:
        'Diversity spends slots of the ten on other genres. Precision loses every slot it spends; HR@10 loses only when the user’s one good item is pushed out. ' +
        'So the same move looks like a big trade-off under one metric and a small one under the other — the consumption lab explains why. On tiny data the ' +
        'move is small and noisy: compare each metric’s fall as a share of where it started, and run the Pareto sweep on workshop for the full picture.',
    },
    {
      title: 'RC against DVAO: the step size',
      task: 'Apply the step (method RC) and train.',
      settings: { method: 'rc' },
      watch: { target: 'chart-msa', name: 'Mean squared advantage per group' },
      question: 'Where does RC’s mean A² sit, and where did DVAO’s sit in the first run?',
      explanation:
        'RC standardises every group’s summed reward to unit variance, so its mean A² is always 1 — even in a group whose objectives cancel. DVAO divides by the ' +
        'weighted sum of the objectives’ spreads instead, so its step is the agreement between objectives: {finding:weighting.conflict-step/dvao:2} on average on ' +
        'workshop with relevance and novelty alone ({measured:weighting.conflict-step}). Both weight each objective the same way; they differ in how far they step.',
    },
    {
      title: 'A noisy objective takes the weight',
      task: 'Apply the step (Gaussian noise added to the novelty reward, DVAO) and train.',
      settings: { noisyObjective: 'novelty' },
      watch: { target: 'chart-weights', name: 'Weight each objective actually gets' },
      question: 'You did not touch the novelty weight. Does the weight novelty actually gets go up or down?',
      explanation:
        'Variance-based weighting gives an objective weight in proportion to how much it varies inside a group, and noise is variation. Recorded on workshop: ' +
        'novelty’s mean z-weight under DVAO is {finding:weighting.noisy-weight-dvao/noisy:2} with the noise against {finding:weighting.noisy-weight-dvao/quiet:2} ' +
        'without it ({measured:weighting.noisy-weight-dvao}) — the failure mode of weighting by spread.',
    },
    {
      title: 'Loss-side weights are not shares',
      task: 'Apply the step (fixed weights on the loss side) and train.',
      settings: { method: 'fixed' },
      watch: { target: 'loss-scale-panel', name: 'Size and share of each loss term' },
      question: 'The relevance weight is the larger share of the three weights. Is its share of the weighted loss that share, more, or less?',
      explanation:
        'The likelihood is measured in nats, several times the diversity and novelty terms, so a weight multiplies very different sizes. Recorded on workshop: ' +
        'the likelihood averages {finding:weighting.loss-share/likelihood:1} nats against {finding:weighting.loss-share/diversity:2} for diversity, and its share of ' +
        'the weighted loss is {finding:weighting.loss-share/share:2} ({measured:weighting.loss-share}).',
    },
  ],
};
