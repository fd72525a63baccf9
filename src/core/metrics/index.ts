// Public entry of the pure ranking-metric module: per-user top-k accuracy, catalogue-level diversity, averaging.

export { hitAtK, precisionAtK, recallAtK, cappedRecallAtK, ndcgAtK, mrrAtK, mapAtK } from './ranking';
export { itemCoverage, giniIndex, shannonEntropy } from './beyondAccuracy';
export { meanOver } from './aggregate';
