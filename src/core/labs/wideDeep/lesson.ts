// The Wide & Deep lesson: four models against the ceiling, the planted exceptions, crosses off, joint vs ensemble.
import type { LessonPlan } from '../../lessons/lessonPlan';

export const wideDeepLesson: LessonPlan = {
  base: { dataset: 'tiny', impressionsPerUser: 100, epochs: 4 },
  defaultRun:
    '{default:epochs} epochs of wide, deep and joint models on {default:impressionsPerUser} impressions per user of {default:dataset}, one seed; the lesson’s steps run on tiny.',
  steps: [
    {
      title: 'Four models, one ceiling',
      task: 'Apply the step (tiny data, 4 epochs) and press ▶ Train.',
      settings: {},
      watch: { target: 'chart-auc', name: 'AUC on held-out impressions' },
      question: 'Which model ranks clicks best, and how far are all of them from the dashed line (the true click probability)?',
      explanation:
        'The deep part learns each user’s tastes from embeddings; the wide part only adds up per-feature weights and the crosses it was given; joint training ' +
        'lets the wide part correct the deep one. Recorded on workshop: AUC {finding:wide-deep.auc/joint} joint, {finding:wide-deep.auc/deep} deep, ' +
        '{finding:wide-deep.auc/wide} wide, {finding:wide-deep.auc/ensemble} ensemble, against {finding:wide-deep.auc/bayes} for the true probability ' +
        '({measured:wide-deep.auc}). The gap to the ceiling is what the models could not learn from the impressions they saw.',
    },
    {
      title: 'The planted exceptions',
      task: 'Apply the step (the wide part gets exactly the planted crosses) and train; then open the error grid and switch between deep and joint.',
      settings: { crosses: 'planted' },
      watch: { target: 'wd-error-grid', name: 'Error grid' },
      question: 'On the ringed cells, which model under-predicts the click rate, and which one gets close?',
      explanation:
        'An exception is a user attribute and a creator that click far more together than either predicts. The deep part smooths it away: its embeddings ' +
        'share what they learn across similar users and items. A cross feature is a weight for that one cell, so the wide part can memorise it. Recorded on ' +
        'workshop (top crosses): log-loss on the exception impressions {finding:wide-deep.exceptions/joint} joint against {finding:wide-deep.exceptions/deep} deep ' +
        '({measured:wide-deep.exceptions}).',
    },
    {
      title: 'No crosses, no memory',
      task: 'Apply the step (no crosses at all) and train.',
      settings: { crosses: 'none' },
      watch: { target: 'chart-exceptionLogloss', name: 'Log-loss on the planted exceptions only' },
      question: 'Without crosses, does joint training still beat the deep part on the exceptions?',
      explanation:
        'Without a weight for the cell, the wide part has nothing to memorise the exception with. Recorded on workshop: the joint model’s exception log-loss ' +
        'is {finding:wide-deep.no-crosses/none} without crosses against {finding:wide-deep.no-crosses/top} with the top 20 ({measured:wide-deep.no-crosses}).',
    },
    {
      title: 'Joint or ensemble?',
      task: 'Apply the step (the crosses sweep: wide and joint trained with 0, 3, 10 … and every cross) and train.',
      settings: { crossSweep: true },
      watch: { target: 'wd-sweep', name: 'Crosses sweep' },
      question: 'How many crosses does the ensemble need to catch up with joint training on the exceptions?',
      explanation:
        'Trained apart, the wide model must explain every click on its own and the blend mixes it with a deep model that smooths the exceptions away; ' +
        'trained jointly, the wide part only fixes the deep part’s errors. Recorded on workshop: with every candidate cross the ensemble’s exception ' +
        'log-loss is {finding:wide-deep.sweep/excEnsembleAll}, against {finding:wide-deep.sweep/excJoint30} for joint training with the top 30 ' +
        '({measured:wide-deep.sweep}); and FTRL’s L1 leaves {finding:wide-deep.sparse-joint/joint:0} non-zero wide weights in the joint model against ' +
        '{finding:wide-deep.sparse-joint/wide:0} in the wide model alone.',
    },
  ],
};
