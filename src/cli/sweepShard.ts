// Slicing a sweep's runs into disjoint shards, and the fingerprint that lets `merge` check it has the whole grid.
import { createHash } from 'node:crypto';
import type { Dataset } from '../core/data/dataset';
import type { Shard } from './args';

/**
 * The grid positions (0-based) of one shard: index, index + count, index + 2·count, … (round-robin). Round-robin
 * rather than contiguous blocks because a grid's first key varies slowest: with `--vary epochs=5,50,500` blocks
 * would hand one machine every long run, while round-robin gives each shard a share of every value.
 */
export function shardPositions(total: number, shard: Shard): number[] {
  const positions: number[] = [];
  for (let j = shard.index; j < total; j += shard.count) positions.push(j);
  return positions;
}

/**
 * SHA-256 of the runs' resolved configs as JSON, in grid order: equal for two parts only if they slice the same
 * runs, and recomputable by `merge` from the merged runs (JSON numbers and key order survive a round trip).
 */
export function gridFingerprint(configs: readonly Record<string, unknown>[]): string {
  return createHash('sha256').update(JSON.stringify(configs)).digest('hex');
}

const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * SHA-256 of an imported dataset (--data): its users, items, interactions and ratings. Every machine imports its
 * own copy, and the configs say only `dataset=imported`, so this is how merge tells two copies apart.
 */
export function dataFingerprint(d: Dataset): string {
  const h = createHash('sha256').update(JSON.stringify([d.userIds, d.itemIds]));
  h.update(bytes(d.interactions.indptr)).update(bytes(d.interactions.indices));
  if (d.ratings) h.update(bytes(d.ratings));
  return h.digest('hex');
}
