// The "Consumption" lab (Peng, Raghavan, Pierson, Kleinberg, Garg, WWW 2024): its identity, teaching text, chart
// and run.
import { defineLab } from '../../experiment/types';
import { consumptionDefaults, consumptionSchema } from './config';

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
  about:
    'The recommender is unsure of the user’s taste: it believes the user is of type t with probability p_t, and ' +
    'only items of the user’s type are worth anything to them. It shows N items and the user consumes the best k. ' +
    'Metrics such as Precision assume every shown item is consumed, and then the best list is the top N of the ' +
    'most likely type — homogeneous. When only a few are consumed, extra items of one type add less and less, and ' +
    'the list that maximises the consumed value (found exactly, greedily by marginal gain) spreads over types: ' +
    'diversity falls out of accuracy instead of fighting it.',
  whatToTry: [
    'Set k = N (everything consumed): the optimal list puts all N items on the most likely type — the same list as the top N by probability, and the gap is 0.',
    'Now set k = 1 with Bernoulli values: the optimal list splits between the two likely tastes and beats the top N on utility and on the chance of at least one good item, at no cost in Precision.',
    'Switch the tastes to one dominant type (k = 1, Bernoulli): now the top N wins Precision, yet the spread-out optimal list still wins the chance of at least one good item — the trade-off is an artefact of the metric.',
    'Slide k from N down to 1 and watch the allocation spread (the k sweep).',
    'With Bernoulli values and k = 1, the fitted share exponent γ on a long list (N = 1000) is close to 0: almost equal shares, whatever p is.',
    'Switch to Uniform values: γ comes out near ½ (shares ∝ √p_t); Exponential: near 1 (shares ∝ p_t, calibrated); Pareto with α = 3: near α/(α−1) = 1.5, more concentrated than p itself.',
    'Pick Pareto with α ≤ 1: the expected value of the best item is infinite, and the lab says so instead of computing nonsense.',
    'Give custom p values that do not sum to 1: they are normalised, and a note tells you.',
  ],
  schema: consumptionSchema,
  defaults: consumptionDefaults,
  charts: [
    {
      id: 'utility',
      title: 'Expected consumed value U_k: optimal vs top-N list',
      source: 'epoch',
      xLabel: 'evaluation',
      yLabel: 'U_k',
      unit: 'value consumed per user',
      better: 'higher',
      series: [
        { key: 'utility/optimal', label: 'Optimal (consumption-aware)', color: '#2f6fdd' },
        { key: 'utility/topN', label: 'Top N by probability', color: '#d9822b', dashed: true },
      ],
    },
  ],
  // Loaded on first run, like every lab's run.
  run: async (config, ctx) => (await import('./run')).runConsumption(config, ctx),
});
