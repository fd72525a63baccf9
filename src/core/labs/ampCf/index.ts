// The AMP-CF lab ("personas give diversity for free"): its identity, teaching text, charts and run.
import { epochChart } from '../../experiment/epochChart';
import { defineLab, type ChartSpec, type Direction } from '../../experiment/types';
import { lesson } from '../findingsRecord';
import type { AmpCfArtifacts } from './artifacts';
import { ampCfDefaults, ampCfSchema, LIST_SIZE as K } from './config';
import { ampCfFindings } from './findings';
import { ampCfLesson } from './lesson';

const MF = '#2f6fdd';
const AMP = '#8e44ad';
const POP = '#d9822b';

/** A per-epoch chart of one metric: MF vs AMP-CF, popularity dashed (it does not train). */
function metricChart(metric: string, title: string, yLabel: string, unit: string, better: Direction): ChartSpec {
  return epochChart(metric, title, { label: yLabel, unit, better }, [
    { key: `${metric}/mf`, label: 'MF (P = 1)', color: MF },
    { key: `${metric}/amp`, label: 'AMP-CF (P personas)', color: AMP },
    { key: `${metric}/pop`, label: 'Popularity', color: POP, dashed: true },
  ]);
}

export const ampCfLab = defineLab<typeof ampCfSchema, AmpCfArtifacts>({
  id: 'amp-cf',
  title: 'Personas: one user, several tastes',
  tagline: 'Give each user several vectors and let every item pick one: do the lists cover all of the user’s tastes?',
  papers: [
    {
      title: 'Explainable Recommendations via Attentive Multi-Persona Collaborative Filtering',
      authors: 'Barkan, Fuchs, Caciularu, Koenigstein',
      venue: 'RecSys',
      year: 2020,
      url: 'https://arxiv.org/abs/2010.07042',
    },
  ],
  ...lesson({
  about:
    'Matrix factorisation gives each user one vector, so a user who likes two kinds of thing is scored by a compromise ' +
    'between them. AMP-CF gives each user P persona vectors; for every item an attention α (a softmax over the personas ' +
    'of how well each one matches the item) mixes them into the user the item sees, and the persona with the largest α ' +
    'explains the recommendation. With P = 1 the model is plain MF, trained by the same code on the same batches. ' +
    'Both rank every item the user has not seen for their last click (leave-one-out, full ranking). The vectors are ' +
    'small by default (d = 8 for 18 genres): that is when one vector per user runs out of room for several tastes.',
  whatToTry: [
    'Press ▶ Train and watch taste distance: after 15 epochs on workshop AMP-CF’s lists sit closer to each user’s genre mix ' +
      'than MF’s ({finding:amp-cf.taste-distance/amp:2} vs {finding:amp-cf.taste-distance/mf:2}; popularity {finding:amp-cf.taste-distance/pop:2}), ' +
      'and it is no less accurate: HR@10 {finding:amp-cf.hit/amp} vs {finding:amp-cf.hit/mf}, NDCG@10 {finding:amp-cf.ndcg/amp} vs ' +
      '{finding:amp-cf.ndcg/mf} (popularity {finding:amp-cf.hit/pop} and {finding:amp-cf.ndcg/pop}; {measured:amp-cf.taste-distance}).',
    'Compare ILD: AMP-CF’s lists are less varied ({finding:amp-cf.ild/amp:2} vs {finding:amp-cf.ild/mf:2}) yet better matched. The diversity personas give is ' +
      'coverage of the user’s own tastes, not a spread over every genre.',
    'Open the explanation: each history item goes to the persona that attends to it most, and each recommendation names ' +
      'the persona that asked for it. Over all users with two or more true tastes, personas sort history items by taste ' +
      'with purity {finding:amp-cf.purity/amp:2}, against {finding:amp-cf.purity/chance:2} for the same persona sizes at random.',
    'Set the vector size d to 32, more than the 18 genres: one vector now has room for every taste, MF catches up on ' +
      'taste distance ({finding:amp-cf.d32-taste-distance/mf:2} vs {finding:amp-cf.d32-taste-distance/amp:2}) and AMP-CF, with three times the user parameters, ' +
      'falls behind on NDCG@10 ({finding:amp-cf.d32-ndcg/amp} vs {finding:amp-cf.d32-ndcg/mf}; {measured:amp-cf.d32-ndcg}).',
    'Turn on the P sweep: it trains P = 1 … 6 on the same batches; compare how taste distance, accuracy and persona purity change with P.',
    'Set the entropy weight to 1: attention on the sampled negatives is pushed to spread, which keeps personas alike — ' +
      'purity {finding:amp-cf.entropy/purityEntropy:2} against {finding:amp-cf.entropy/purityOff:2} without it, taste distance {finding:amp-cf.entropy/entropy:2} against ' +
      '{finding:amp-cf.entropy/off:2}. On this data the term does not help.',
    'Set P to 1: the two curves coincide step for step — AMP-CF with one persona is MF.',
  ],
  }),
  place: { part: 'reformulation', order: 6 },
  lessonPlan: ampCfLesson,
  findings: ampCfFindings,
  schema: ampCfSchema,
  defaults: ampCfDefaults,
  quick: { dataset: 'tiny', epochs: 2 },
  charts: [
    metricChart('hit', `HR@${K}: the held-out click is in the top ${K}`, `HR@${K}`, 'share of users', 'higher'),
    metricChart('ndcg', `NDCG@${K} of the held-out click`, `NDCG@${K}`, '0–1', 'higher'),
    metricChart('tasteDistance', `Taste distance: history vs top-${K} genre mix (lower = the list matches the user)`, 'Jensen–Shannon', 'bits', 'lower'),
    metricChart('ild', `Intra-list diversity of the top ${K} (genres: how varied the list is)`, `ILD@${K}`, '0–1', 'none'),
    {
      id: 'loss',
      title: 'Training loss (sampled softmax + penalties)',
      source: 'step',
      xLabel: 'training step',
      yLabel: 'loss',
      unit: 'nats/positive',
      better: 'lower',
      series: [
        { key: 'loss/mf', label: 'MF (P = 1)', color: MF },
        { key: 'loss/amp', label: 'AMP-CF (P personas)', color: AMP },
      ],
    },
  ],
  // Loaded on first run: the page shows the lab without pulling tfjs into its first bundle.
  run: async (config, ctx) => (await import('./run')).runAmpCf(config, ctx),
});
