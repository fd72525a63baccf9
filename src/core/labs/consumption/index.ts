// The "Consumption" lab (Peng, Raghavan, Pierson, Kleinberg, Garg, WWW 2024): its identity, teaching text, chart
// and run.
import { defineLab } from '../../experiment/types';
import { lesson } from '../findingsRecord';
import { consumptionDefaults, consumptionSchema } from './config';
import { consumptionFindings } from './findings';
import { consumptionLesson } from './lesson';

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
    'with genres as the types and each user’s genre probabilities estimated from their history. The premise — the ' +
    'user wants a few items of ONE of their tastes now — is a claim about the data, so the comparison can hold out ' +
    'a random 20% of each user’s items, their latest by time, their last session, or (synthetic data) one taste drawn ' +
    'from their true tastes, and reports where the effect appears and where it does not, on real data too.',
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
    "Set protocol to 'mood': each user's held-out items now come from one taste, as the theory assumes. The c = 3 list's lead over the top 10 on U₃ grows from {finding:consumption.mood-lead/random} (a random 20%) to {finding:consumption.mood-lead/mood}; with the true tastes as well, the c = 1 list wins HR@10 by a wide margin ({finding:consumption.mood-truth-hr-c1/aware} vs {finding:consumption.mood-truth-hr-c1/top}). With the model's own softmax as the tastes it loses instead (U₂ {finding:consumption.model-tastes-u2-c2/aware} vs {finding:consumption.model-tastes-u2-c2/top}): the softmax's genre mix is what the top 10 already holds, not the user's spread of tastes ({measured:consumption.mood-lead}).",
    "On real data the effect is not a given. MovieLens is not shipped (import your copy; ratings ≥ 4 are clicks). On MovieLens-100K with a random holdout the c = 2 list loses U₂, the utility it is built for ({finding:consumption.ml100k-random-u2-c2/aware} vs {finding:consumption.ml100k-random-u2-c2/top}); on ml-latest-small it wins ({finding:consumption.mlsmall-random-u2-c2/aware} vs {finding:consumption.mlsmall-random-u2-c2/top}; U₃ {finding:consumption.mlsmall-random-u3-c3/aware} vs {finding:consumption.mlsmall-random-u3-c3/top}), and holding out each user's last session it wins HR@10 ({finding:consumption.mlsmall-session-hr-c1/aware} vs {finding:consumption.mlsmall-session-hr-c1/top}). On MovieLens-100K's latest clicks by time it ties (U₃ {finding:consumption.ml100k-temporal-u3-c3/aware} vs {finding:consumption.ml100k-temporal-u3-c3/top}).",
    "Why it loses on MovieLens-100K: the re-ranking trusts the model's chances r_i, and they are over-confident — it forecasts Precision@10 {finding:consumption.ml100k-forecast/forecast} for its top 10 and {finding:consumption.ml100k-forecast/measured} is measured — so it hedges too early. Set calibration to 'oracle' (r_i scaled to the hits measured: it peeks at the test data, an upper bound): on the latest clicks the c = 3 list now wins U₃ ({finding:consumption.ml100k-temporal-oracle-u3-c3/aware} vs {finding:consumption.ml100k-temporal-oracle-u3-c3/top}), on a random holdout it still loses U₂ ({finding:consumption.ml100k-random-oracle-u2-c2/aware} vs {finding:consumption.ml100k-random-oracle-u2-c2/top}). Types learned by the model (typeSource 'clusters': k-means of its item vectors, tastes from its softmax) lose on both datasets (U₂ {finding:consumption.ml100k-clusters-u2-c2/aware} vs {finding:consumption.ml100k-clusters-u2-c2/top} on MovieLens-100K): hedging across the model's own clusters moves away from what it scores best without covering a taste it missed ({measured:consumption.ml100k-random-u2-c2}).",
    "Below the table, a hand-set diversity weight (MMR) is swept on the same trained scores and each list is scored two ways. At w = 0.3, Precision@10 loses a share {finding:consumption.sweep-precision-hr/precision:2} of its value while HR@10 loses {finding:consumption.sweep-precision-hr/other:2} and U₂ {finding:consumption.sweep-precision-u2/other:2} (on MovieLens-100K: {finding:consumption.ml100k-sweep-precision-hr/precision:2} against {finding:consumption.ml100k-sweep-precision-hr/other:2}). Generic genre diversity still costs accuracy under every metric — it is not aimed at the user's tastes — but the trade-off is steeper under the metric that assumes all ten are consumed.",
  ],
  }),
  place: { part: 'reformulation', order: 5 },
  lessonPlan: consumptionLesson,
  findings: consumptionFindings,
  schema: consumptionSchema,
  defaults: consumptionDefaults,
  quick: { dataset: 'tiny', trainSeeds: 2, warmStartEpochs: 2, embeddingDim: 8 },
  // The explorer and the trained comparison draw their own views (src/ui/labs/consumption); no per-step charts.
  charts: [],
  // Loaded on first run, like every lab's run.
  run: async (config, ctx) => (await import('./run')).runConsumption(config, ctx),
});
