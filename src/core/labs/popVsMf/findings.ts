// The popularity-vs-MF lab's measured claims on its defaults (workshop).
import { defineFindings, fromSummary } from '../../experiment/findings';

export const popVsMfFindings = defineFindings('pop-vs-mf', [
  {
    id: 'pop-vs-mf.ndcg',
    labId: 'pop-vs-mf',
    claim: "After training, BPR-MF's NDCG@10 is above popularity's",
    config: { dataset: 'workshop' },
    seeds: [42, 43, 44],
    values: { mf: { reading: fromSummary('ndcg/mf') }, pop: { reading: fromSummary('ndcg/pop') } },
    expect: { a: 'mf', op: '>', b: 'pop' },
  },
  {
    id: 'pop-vs-mf.coverage',
    labId: 'pop-vs-mf',
    claim: "MF's top-10 lists cover more of the catalogue than popularity's",
    config: { dataset: 'workshop' },
    seeds: [42, 43, 44],
    values: { mf: { reading: fromSummary('coverage/mf') }, pop: { reading: fromSummary('coverage/pop') } },
    expect: { a: 'mf', op: '>', b: 'pop' },
  },
]);
