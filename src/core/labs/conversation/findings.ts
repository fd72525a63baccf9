// The conversational-policy lab's measured claims: the paper's (unified beats separated and the rules), the regime's
// (asking matters for long-tail targets), and what the discount and the attribute ranking change.
import { defineFindings, fromSummary, type Finding, type Reading, type Relation } from '../../experiment/findings';
import { POLICIES, type PolicyId } from './config';

const SEEDS = [42, 43, 44];
const BASE = { dataset: 'workshop' };
const ID = 'conversation';

const sr15 = (p: PolicyId) => fromSummary(`test/sr@15/${p}`);
/** One policy's test SR@15 minus another's, from the same run. */
const srGap = (a: PolicyId, b: PolicyId): Reading => ({ what: `summary test/sr@15/${a} − test/sr@15/${b}`, read: (r) => r.summary[`test/sr@15/${a}`] - r.summary[`test/sr@15/${b}`] });

/** Test SR@15, AT and hDCG of every policy, read from the same runs. */
const everyPolicy: Finding['values'] = Object.fromEntries(
  POLICIES.flatMap((p) => [
    [p, { reading: sr15(p) }],
    [`${p}-at`, { reading: fromSummary(`test/at/${p}`) }],
    [`${p}-hdcg`, { reading: fromSummary(`test/hdcg/${p}`) }],
  ]),
);

function compare(id: string, claim: string, expect: Relation, extra: Partial<Finding> = {}): Finding {
  return { id: `${ID}.${id}`, labId: ID, claim, config: BASE, seeds: SEEDS, values: everyPolicy, expect, ...extra };
}

export const conversationFindings = defineFindings(ID, [
  // The paper's claims, declared before measuring.
  compare('unified-separated', 'The unified policy succeeds within 15 turns more often than the separated one (test SR@15, long-tail targets)', { a: 'unified', op: '>', b: 'separated' }),
  compare('unified-max-entropy', 'The unified policy succeeds within 15 turns more often than Max Entropy (test SR@15)', { a: 'unified', op: '>', b: 'max-entropy' }),
  compare('unified-abs-greedy', 'The unified policy succeeds within 15 turns more often than Abs Greedy (test SR@15)', { a: 'unified', op: '>', b: 'abs-greedy' }),
  compare('separated-abs-greedy', 'The separated policy succeeds within 15 turns more often than Abs Greedy (test SR@15)', { a: 'separated', op: '>', b: 'abs-greedy' }),
  // The regime: asking pays for long-tail targets, less so when the scorer already ranks the target high.
  compare('asking-helps', 'For long-tail targets, asking 3 attributes before recommending succeeds more often than always recommending (test SR@15)', { a: 'ask-n', op: '>', b: 'abs-greedy' }, {
    // Fast: the rules need no training; the learned policies play a token 20 conversations.
    quick: { config: { trainingEpisodes: 20, evalEvery: 10, validEpisodes: 10, testEpisodes: 400, pretrainEpochs: 3, replayEpisodes: 0 }, seeds: [1, 2, 3] },
  }),
  {
    id: `${ID}.tail-gap`,
    labId: ID,
    claim: 'What asking 3 attributes first adds to always recommending (test SR@15) is larger for long-tail targets than for every held-out target',
    config: BASE,
    arms: { tail: {}, all: { targets: 'all' } },
    seeds: SEEDS,
    values: {
      tail: { arm: 'tail', reading: srGap('ask-n', 'abs-greedy') },
      all: { arm: 'all', reading: srGap('ask-n', 'abs-greedy') },
      tailGreedy: { arm: 'tail', reading: sr15('abs-greedy') },
      allGreedy: { arm: 'all', reading: sr15('abs-greedy') },
      allUnified: { arm: 'all', reading: sr15('unified') },
      allSeparated: { arm: 'all', reading: sr15('separated') },
    },
    expect: { a: 'tail', op: '>', b: 'all' },
  },
  // Why the unified policy does or does not win: the discount (γ = 0.999 makes a success now and one ten turns
  // later worth almost the same) and the attribute ranking (entropy or preference).
  {
    id: `${ID}.gamma`,
    labId: ID,
    claim: 'With a discount of 0.9 instead of 0.999 the unified policy succeeds within 15 turns more often (test SR@15)',
    config: BASE,
    arms: { paper: {}, short: { gamma: 0.9 } },
    seeds: SEEDS,
    values: {
      paper: { arm: 'paper', reading: sr15('unified') },
      short: { arm: 'short', reading: sr15('unified') },
      paperAt: { arm: 'paper', reading: fromSummary('test/at/unified') },
      shortAt: { arm: 'short', reading: fromSummary('test/at/unified') },
      shortSeparated: { arm: 'short', reading: sr15('separated') },
    },
    expect: { a: 'short', op: '>', b: 'paper' },
  },
  {
    id: `${ID}.ranking`,
    labId: ID,
    claim: 'Offering the unified policy the attributes of largest weighted entropy beats offering the user’s preferred ones (test SR@15)',
    config: BASE,
    arms: { entropy: {}, preference: { attributeRanking: 'preference' } },
    seeds: SEEDS,
    values: {
      entropy: { arm: 'entropy', reading: sr15('unified') },
      preference: { arm: 'preference', reading: sr15('unified') },
    },
    expect: { a: 'entropy', op: '>', b: 'preference' },
  },
  compare('acceptance', 'The unified policy’s questions are answered yes more often than Max Entropy’s (share of asks accepted, test)', { a: 'unifiedAccepted', op: '>', b: 'maxEntropyAccepted' }, {
    values: {
      unifiedAccepted: { reading: fromSummary('test/accepted/unified') },
      separatedAccepted: { reading: fromSummary('test/accepted/separated') },
      maxEntropyAccepted: { reading: fromSummary('test/accepted/max-entropy') },
      unifiedAsks: { reading: fromSummary('test/asks/unified') },
      maxEntropyAsks: { reading: fromSummary('test/asks/max-entropy') },
    },
  }),
  compare('picker', 'Keeping the unified policy’s own decisions of when to ask but letting the max-entropy picker choose the question raises its test SR@15', { a: 'unifiedWhen', op: '>', b: 'unified' }, {
    values: {
      unified: { reading: sr15('unified') },
      unifiedWhen: { reading: fromSummary('test/sr@15/unified-when') },
      separated: { reading: sr15('separated') },
      unifiedAsks: { reading: fromSummary('test/asks/unified') },
      unifiedWhenAsks: { reading: fromSummary('test/asks/unified-when') },
      separatedAsks: { reading: fromSummary('test/asks/separated') },
    },
  }),
  {
    id: `${ID}.long`,
    labId: ID,
    claim: 'Trained on 9,000 conversations instead of 3,000, the unified policy succeeds within 15 turns more often than the separated one (test SR@15)',
    config: { ...BASE, trainingEpisodes: 9000, evalEvery: 500 },
    seeds: SEEDS,
    values: { unified: { reading: sr15('unified') }, separated: { reading: sr15('separated') } },
    expect: { a: 'unified', op: '>', b: 'separated' },
  },
  {
    id: `${ID}.override`,
    labId: ID,
    claim: 'The official test-time override (recommend when ≤ 10 candidates remain or on the last turn) raises the unified policy’s test SR@15',
    config: BASE,
    arms: { off: {}, on: { override: true } },
    seeds: SEEDS,
    values: {
      off: { arm: 'off', reading: sr15('unified') },
      on: { arm: 'on', reading: sr15('unified') },
      onSeparated: { arm: 'on', reading: sr15('separated') },
    },
    expect: { a: 'on', op: '>', b: 'off' },
  },
  {
    id: `${ID}.ml-100k`,
    labId: ID,
    claim: 'On MovieLens-100K (genres and decade as attributes, long-tail targets) the unified policy succeeds within 15 turns more often than the separated one',
    config: { dataset: 'imported' },
    realData: 'ml-100k',
    seeds: SEEDS,
    values: everyPolicy,
    expect: { a: 'unified', op: '>', b: 'separated' },
  },
  {
    id: `${ID}.ml-100k-asking`,
    labId: ID,
    claim: 'On MovieLens-100K (long-tail targets) asking 3 attributes before recommending succeeds more often than always recommending (test SR@15)',
    config: { dataset: 'imported' },
    realData: 'ml-100k',
    seeds: SEEDS,
    values: everyPolicy,
    expect: { a: 'ask-n', op: '>', b: 'abs-greedy' },
  },
]);
