// The "Consumption" lab (Peng, Raghavan, Pierson, Kleinberg, Garg, WWW 2024): its identity, teaching text, chart
// and run.
import { defineLab } from '../../experiment/types';
import { lesson } from '../findingsRecord';
import { consumptionDefaults, consumptionSchema } from './config';
import { consumptionFindings } from './findings';

export const consumptionLab = defineLab({
  id: 'consumption',
  title: 'Consumption: why diverse lists can be the accurate ones',
  tagline: 'If a user consumes only the best few items, the most useful list is a diverse one.',
  papers: [
    {
      title: 'Reconciling the Accuracy-Diversity Trade-off in Recommendations',
      authors: 'Peng, Raghavan, Pierson, Kleinberg, Garg',
      venue: 'WWW',
      year: 2024,
      url: 'https://arxiv.org/abs/2307.15142',
    },
  ],
  ...lesson({
  about:
    'The recommender is unsure of the user’s taste: it believes the user is of type t with probability p_t, and ' +
    'only items of the user’s type are worth anything to them. It shows N items and the user consumes the best k. ' +
    'Metrics such as Precision assume every shown item is consumed, and then the best list is the top N of the ' +
    'most likely type — homogeneous. When only a few are consumed, extra items of one type add less and less, and ' +
    'the list that maximises the consumed value (found exactly, greedily by marginal gain) spreads over types: ' +
    'diversity falls out of accuracy instead of fighting it. Press ▶ Train to try the same idea on a trained ' +
    'recommender: its scores become the top 10, or a consumption-aware list for a user who consumes c = 1, 2 or 3, ' +
    'with genres as the types and each user’s genre probabilities estimated from their history.',
  whatToTry: [
    'Set k = N (everything consumed): the optimal list puts all N items on the most likely type — the same list as the top N by probability, and the gap is 0.',
    'Now set k = 1 with Bernoulli values: the optimal list splits between the two likely tastes and beats the top N on utility and on the chance of at least one good item, at no cost in Precision.',
    'Switch the tastes to one dominant type (k = 1, Bernoulli): now the top N wins Precision, yet the spread-out optimal list still wins the chance of at least one good item — the trade-off is an artefact of the metric.',
    'Slide k from N down to 1 and watch the allocation spread (the k sweep).',
    'With Bernoulli values and k = 1, the fitted share exponent γ on a long list (N = 1000) is close to 0: almost equal shares, whatever p is.',
    'Switch to Uniform values: γ comes out near ½ (shares ∝ √p_t); Exponential: near 1 (shares ∝ p_t, calibrated); Pareto with α = 3: near α/(α−1) = 1.5, more concentrated than p itself.',
    'Pick Pareto with α ≤ 1: the expected value of the best item is infinite, and the lab says so instead of computing nonsense.',
    'Give custom p values that do not sum to 1: they are normalised, and a note tells you.',
    'Press ▶ Train for the trained comparison (3 seeds on workshop, a few seconds): each consumption-aware list wins the utility it is built for — U₂ {finding:consumption.u2-c2/aware} vs {finding:consumption.u2-c2/top} for c = 2, U₃ {finding:consumption.u3-c3/aware} vs {finding:consumption.u3-c3/top} for c = 3 — and loses Precision@10 ({finding:consumption.precision-c2/aware} and {finding:consumption.precision-c3/aware} vs {finding:consumption.precision-c2/top}): the trade-off is the metric’s. For c = 1, HR@10 is a tie: {finding:consumption.hr-c1/aware} ± {sd:consumption.hr-c1/aware} vs {finding:consumption.hr-c1/top} ± {sd:consumption.hr-c1/top} ({measured:consumption.u2-c2}).',
    'Look at the genre columns: the c = 3 lists are closer to the users’ true tastes (JS {finding:consumption.truth-c3/aware:2} vs {finding:consumption.truth-c3/top:2}) but their genre ILD is lower ({finding:consumption.ild-c3/aware:2} vs {finding:consumption.ild-c3/top:2}): Peng et al.’s diversity is spread over the tastes a user may have, not over every genre.',
    "Set the taste source to 'history' (the raw genre mix of the history): it is far from the true tastes (JS {finding:consumption.history-estimate/history:2}, against {finding:consumption.history-estimate/lift:2} for 'history-lift'), the lists hedge over genres the user only clicked by chance, and re-ranking loses accuracy (HR@10 {finding:consumption.history-hr-c1/aware} vs {finding:consumption.history-hr-c1/top} for c = 1). With 'truth' (an oracle) the c = 3 list wins Precision@10 too ({finding:consumption.truth-precision-c3/aware} vs {finding:consumption.truth-precision-c3/top}): the method is only as good as its taste estimate ({measured:consumption.history-estimate}).",
  ],
  }),
  findings: consumptionFindings,
  schema: consumptionSchema,
  defaults: consumptionDefaults,
  quick: { dataset: 'tiny', trainSeeds: 2, warmStartEpochs: 2, embeddingDim: 8 },
  // The explorer and the trained comparison draw their own views (src/ui/labs/consumption); no per-step charts.
  charts: [],
  // Loaded on first run, like every lab's run.
  run: async (config, ctx) => (await import('./run')).runConsumption(config, ctx),
});
