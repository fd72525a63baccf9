// The P5 lab (one text-to-text model for every recommendation task): identity, teaching text, charts, run.
import { epochChart } from '../../experiment/epochChart';
import { defineLab, type ChartSpec, type SeriesSpec } from '../../experiment/types';
import type { P5Family } from '../../p5/templates';
import { lesson } from '../findingsRecord';
import type { P5Artifacts } from './artifacts';
import { p5Defaults, p5Schema } from './config';
import { p5Findings } from './findings';
import { p5Lesson } from './lesson';

export const MODEL_COLORS = { unified: '#8e44ad', 'per-task': '#d9822b', plain: '#7f8c8d', popularity: '#b0b7c3' } as const;
const MODEL_NAMES = { unified: 'unified P5 (every task)', 'per-task': 'per-task model (this task only)', plain: 'plain sequential (history only)' } as const;
type Key = keyof typeof MODEL_NAMES;

const series = (prefix: string, family: P5Family, keys: Key[]): SeriesSpec[] => keys.map((k) => ({ key: `${prefix}/${family}/${k}`, label: MODEL_NAMES[k], color: MODEL_COLORS[k] }));

function lossChart(family: P5Family, title: string, keys: Key[]): ChartSpec {
  return { id: `loss-${family}`, title, source: 'step', xLabel: 'training step', yLabel: 'loss', unit: 'nats per answer token', better: 'lower', series: series('loss', family, keys) };
}

export const p5Lab = defineLab<typeof p5Schema, P5Artifacts>({
  id: 'p5',
  title: 'P5: one text-to-text model for every task',
  tagline: 'Rating, next item, yes/no and choose-one as prompts to one small transformer: does one model match a model per task, and does it follow a phrasing it never saw?',
  papers: [
    {
      title: 'Recommendation as Language Processing (RLP): A Unified Pretrain, Personalized Prompt & Predict Paradigm (P5)',
      authors: 'Geng, Liu, Fu, Ge, Zhang',
      venue: 'RecSys',
      year: 2022,
      url: 'https://arxiv.org/abs/2203.13366',
    },
    {
      title: 'How to Index Item IDs for Recommendation Foundation Models',
      authors: 'Hua, Xu, Ge, Zhang',
      venue: 'SIGIR-AP',
      year: 2023,
      url: 'https://arxiv.org/abs/2305.06569',
    },
  ],
  ...lesson({
    about:
      'P5 writes every recommendation task as text: “will <user_7> like <item_31> ?” → “yes”, “<user_7> has watched … . what is the next item ?” → ' +
      '“<item_12>”, “choose the best item for <user_7> from <100 candidates>” → one of them, and, where the data has ratings, “what rating will ' +
      '<user_7> give <item_31> ?” → a star. One encoder–decoder transformer learns all of them with one loss: the negative log-likelihood of the answer’s ' +
      'tokens. Each family has four phrasings (templates); three are trained on and the fourth is held out, to test a phrasing the model never saw. ' +
      'Beside the unified model the same code trains one model per family (same size, same initial weights, the very same batches of that family), ' +
      'and a plain sequential model that reads only the history’s items. Users and items are atomic tokens by default, so naming an item is one softmax ' +
      'over the catalogue (full ranking). The split is leave-one-out by time: each user’s last item for test, the one before for validation; the ' +
      'models are scored after their last epoch, as P5 scores its final checkpoint. What this lab cannot show: P5 starts from T5, a language model ' +
      'pretrained on web text, so its unseen prompts can reuse what words mean. This tiny model starts from nothing and has only the few dozen words of ' +
      'its templates — natural-language generalisation is out of reach here; what remains testable is whether one model can carry several tasks, and ' +
      'whether it follows a new arrangement of words it knows. The id-mode comparison shows the pitfall Hua et al. found: P5 numbers items ' +
      'consecutively along each user’s whole sequence (test items included) and writes the numbers as digits, so the next item’s number often follows ' +
      'the history’s — a leak.',
    whatToTry: [
      'Press ▶ Train and read the results per task. Recorded on workshop, choose one of 100 (HR@10): unified {finding:p5.choose/choose-unified} ± ' +
        '{sd:p5.choose/choose-unified} against {finding:p5.choose/choose-task} ± {sd:p5.choose/choose-task} for the choose-only model; yes / no accuracy ' +
        '{finding:p5.choose/yesno-unified} against {finding:p5.choose/yesno-task} ({measured:p5.choose}; ahead on every seed in both). The two tasks with ' +
        'the fewest or hardest examples gain from sharing one model with the others. On the next item, where the task has most examples of its own, the ' +
        'unified model did not match the next-item-only model: {finding:p5.choose/seq-unified} against {finding:p5.choose/seq-task} (ahead on one seed of three).',
      'Compare with popularity, which ranks every candidate by its training count: {finding:p5.choose/seq-popularity} on the next item and ' +
        '{finding:p5.choose/choose-popularity} on choose one of 100 — above every transformer here. In a default run each model sees about a fifth of the ' +
        'next-item examples once; it has learned roughly what is popular and little about who likes what. P5 starts from a pretrained T5 and trains for many ' +
        'passes over far sparser data (Amazon Beauty), where popularity is a weak rival. Train longer (more epochs, more examples per epoch) and see whether the ' +
        'models pass it.',
      'Read the held-out columns: on the next item the unified model scores {finding:p5.unseen/seq-unified-unseen} under the phrasing it never saw and ' +
        '{finding:p5.unseen/seq-unified} under the seen ones ({measured:p5.unseen}) — P5’s zero-shot claim holds here, but cheaply: the answer hangs on the ' +
        'user and item tokens, not on the words. Yes / no is the exception: the held-out phrasing (which ends “yes or no”) drops the unified model to ' +
        '{finding:p5.unseen/yesno-unified-unseen} ± {sd:p5.unseen/yesno-unified-unseen}, while the yes/no-only model keeps {finding:p5.unseen/yesno-task-unseen}.',
      'The plain model reads only the history’s items: {finding:p5.choose/seq-plain} against {finding:p5.choose/seq-task} for the same model reading the whole ' +
        'prompt (the claim that the prompt helps held on two seeds of three, not on the means). The template words say nothing about taste.',
    ],
  }),
  place: { part: 'reformulation', order: 9 },
  lessonPlan: p5Lesson,
  findings: p5Findings,
  schema: p5Schema,
  defaults: p5Defaults,
  quick: { dataset: 'tiny', epochs: 1, dim: 16, heads: 2, encoderLayers: 1, decoderLayers: 1, examplesSequential: 128, examplesYesNo: 128, examplesChoose: 64, examplesRating: 128, batchSize: 32, historyLength: 5, validationUsers: 20 },
  charts: [
    epochChart('valid-sequential', 'Next item on validation: HR@10 over the whole catalogue (first seen template)', { label: 'HR@10', unit: '0–1', better: 'higher' }, series('valid/hr@10', 'sequential', ['unified', 'per-task', 'plain'])),
    epochChart('valid-choose', 'Choose one of 100 on validation: HR@10 (first seen template)', { label: 'HR@10', unit: '0–1', better: 'higher' }, series('valid/hr@10', 'direct-choose', ['unified', 'per-task'])),
    epochChart('valid-yesno', 'Yes / no on validation: accuracy (held-out item vs a random one; first seen template)', { label: 'accuracy', unit: '0–1', better: 'higher' }, series('valid/accuracy', 'direct-yesno', ['unified', 'per-task'])),
    lossChart('sequential', 'Training loss on next-item batches', ['unified', 'per-task', 'plain']),
    lossChart('direct-choose', 'Training loss on choose-one batches', ['unified', 'per-task']),
    lossChart('direct-yesno', 'Training loss on yes / no batches', ['unified', 'per-task']),
  ],
  // Loaded on first run: the page shows the lab without pulling tfjs into its first bundle.
  run: async (config, ctx) => (await import('./run')).runP5(config, ctx),
});
