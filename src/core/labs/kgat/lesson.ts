// The KGAT lesson: what the graph buys overall, for which items, which piece does it, how NDCG is counted, and why
// a given item was recommended.
import type { LessonPlan } from '../../lessons/lessonPlan';

export const kgatLesson: LessonPlan = {
  // Workshop with a shorter training: each step runs in about a minute and a half on wasm; the quoted numbers are from
  // the default 15 epochs.
  base: { dataset: 'workshop', epochs: 6 },
  defaultRun: '{default:epochs} epochs of KGAT and its three baselines on {default:dataset}, one seed; the lesson’s steps train 6 epochs, also on workshop.',
  steps: [
    {
      title: 'Does the extra graph help?',
      task: 'Apply the step (workshop, 6 epochs) and press ▶ Train; watch the validation curves, then read the table under them.',
      settings: {},
      watch: { target: 'kgat-results', name: 'Test scores of every model' },
      question: 'Which model ranks the held-out items best on test, and by how much does KGAT beat BPR-MF?',
      explanation: 'Each model keeps the epoch of its best validation Recall@20 and is scored once on test. With the default training (more epochs than ' +
        'this step’s) KGAT reaches {finding:kgat.bprmf/kgat} ± {sd:kgat.bprmf/kgat} and BPR-MF {finding:kgat.bprmf/bprmf} ± {sd:kgat.bprmf/bprmf} ' +
        '({measured:kgat.bprmf}): KGAT was ahead on every seed, as the paper says, but the lead is smaller than the spread between seeds. The paper ' +
        'trains for up to a thousand epochs on far sparser data; here the interactions alone already say a lot. The table’s last NDCG column is the ' +
        'official code’s: it builds the ideal DCG from the hits the list already found, so KGAT’s {finding:kgat.bprmf/kgat-ndcg} becomes ' +
        '{finding:kgat.bprmf/kgat-code-ndcg} — the same lists; a paper’s NDCG computed that way cannot be set next to a standard one.',
    },
    {
      title: 'Who gains: cold items or popular ones?',
      task: 'Open the buckets view on “items by popularity” and “gain over BPR-MF”.',
      settings: {},
      watch: { target: 'kgat-buckets', name: 'Recall@20 by item popularity' },
      question: 'In which quarter of the items does KGAT gain most over BPR-MF, and where does it lose?',
      explanation: 'Each bucket holds a quarter of the test interactions, from the least trained items to the most. On the coldest quarter KGAT reaches ' +
        '{finding:kgat.cold/kgatCold} against {finding:kgat.cold/bprmfCold} for BPR-MF (a relative gain of {finding:kgat.cold/cold:2}); on the most popular ' +
        'quarter it falls behind, {finding:kgat.cold/kgatHot} against {finding:kgat.cold/bprmfHot} ({measured:kgat.cold}; the cold gain exceeded the popular ' +
        'one on every seed). KGAT’s gains are where the paper says — at the price of some popular hits. And on those coldest items it is ' +
        'the knowledge graph that helps: without it KGAT reaches only {finding:kgat.knowledge-cold/kgat-nokg}, close to BPR-MF ' +
        '({measured:kgat.knowledge-cold}; the graph helped there on two seeds of three, propagation alone on one).',
    },
    {
      title: 'Which piece does it: attention, the knowledge graph, depth?',
      task: 'Tick the depth sweep, apply and train (slower: six models), then read the ablation chart.',
      settings: { depthSweep: true },
      watch: { target: 'kgat-ablation', name: 'Every model’s test Recall@20' },
      question: 'Remove one piece at a time: which removal costs the most?',
      explanation: 'Recorded with the depth sweep: without attention {finding:kgat.bprmf/kgat-noatt}, full KGAT {finding:kgat.bprmf/kgat}, without the ' +
        'knowledge graph {finding:kgat.bprmf/kgat-nokg}, one layer {finding:kgat.bprmf/kgat-l1}, three layers {finding:kgat.bprmf/kgat-l3} ' +
        '({measured:kgat.bprmf}). Three of the paper’s claims did not hold here: attention helps (no seed), the knowledge graph helps (one seed of three), ' +
        'a second layer beats one (one seed of three); a third layer adds nothing, as declared ({finding:kgat.depth3/kgat-l3} against {finding:kgat.depth3/kgat}). ' +
        'One reading, not a measured finding: the attention is computed from the TransR embeddings outside the gradient, so it weighs neighbours by how ' +
        'well they fit the knowledge graph, not by how much they predict clicks; and with dozens of interactions per item, genre and creator tell the ' +
        'model little the interactions have not — the next step tests that. Later work has questioned how much the knowledge graph contributes in such models.',
    },
    {
      title: 'A sparser world',
      task: 'Set the share of training interactions kept to 0.2 (the step does it, with 40 epochs), train, and read the ablation again.',
      settings: { trainShare: 0.2, epochs: 40 },
      watch: { target: 'kgat-ablation', name: 'Every model’s test Recall@20' },
      question: 'With a fifth of the interactions, does the knowledge graph now earn its place?',
      explanation: 'With a fifth of each user’s training interactions (recorded with 40 epochs): KGAT {finding:kgat.sparse-bprmf/kgat} ± ' +
        '{sd:kgat.sparse-bprmf/kgat}, BPR-MF {finding:kgat.sparse-bprmf/bprmf} ± {sd:kgat.sparse-bprmf/bprmf}, without the knowledge graph ' +
        '{finding:kgat.sparse-bprmf/kgat-nokg}, without attention {finding:kgat.sparse-bprmf/kgat-noatt} ({measured:kgat.sparse-bprmf}). What the knowledge ' +
        'graph adds grows from {finding:kgat.sparse-gap/dense} with every interaction to {finding:kgat.sparse-gap/sparse} with a fifth ' +
        '({measured:kgat.sparse-gap}). Side information pays where the interactions are too few to say what it says — the regime of the paper’s ' +
        'datasets, far sparser than workshop. Attention still does not help.',
    },
    {
      title: 'Why this item?',
      task: 'Open the explanations, pick a user and one of their recommendations marked as a held-out hit.',
      settings: {},
      watch: { target: 'kgat-explain', name: 'Highest-attention paths to a recommended item' },
      question: 'Do the strongest paths go through an attribute the two items share, or through another user?',
      explanation: 'The product of the three attention weights says how much of the propagated signal flows along a path: a user spreads its weight over ' +
        'all of its items, an item over its users and its few attributes. Compare the two kinds of path for a few users and hits. ' +
        'These are explanations of what the model propagates, not proof of why the user would like the item.',
    },
  ],
};
