// Public entry of the pure ranking-metric module: per-user top-k accuracy, beyond-accuracy, consumption, averaging.

export { hitAtK, precisionAtK, recallAtK, cappedRecallAtK, ndcgAtK, mrrAtK, mapAtK } from './ranking';
export { itemCoverage, giniIndex, giniOfCounts, shannonEntropy } from './beyondAccuracy';
export { averagePopularity, tailPercentage, tailItems, noveltyEPC } from './popularity';
export {
  intraListDiversity,
  genreCosineDistance,
  embeddingCosineDistance,
  jaccardDistance,
  type ItemDistance,
} from './diversity';
export { alphaNdcgAtK } from './alphaNdcg';
export { tasteDistance, jensenShannon, genreDistribution } from './calibration';
export {
  consumptionUtility,
  probabilityAtLeastOne,
  expectedTopSum,
  marginalGain,
  valueMean,
  optimalAllocation,
  fitShareExponent,
  type ValueModel,
  type AllocationInput,
  type Allocation,
} from './consumption';
export { meanOver } from './aggregate';
