// Impressions → the arrays one Wide & Deep step reads: deep slots with pooling weights, wide raw features and crosses.
import * as tf from '@tensorflow/tfjs';
import type { WideDeepBatch } from '../../models/wideDeep/model';
import type { ClickTask } from './clickTask';
import { crossKey } from './crosses';
import type { FeatureSpace } from './features';

/** What a set of impressions looks like to every model, before a model's cross count is applied. */
export interface HostBatch {
  size: number;
  /** size × slots: global features (space.size = empty) and pooling weights. */
  slots: Int32Array;
  weights: Float32Array;
  /** size × crossWidth: the rank of each candidate cross in the ordering given, or −1 (not in it). */
  crossRank: Int32Array;
  crossWidth: number;
  labels: Float32Array;
}

/** Most crosses one impression can have: its user's attributes × its item's attributes. */
export function maxCrosses(space: FeatureSpace): number {
  const mu = space.userAttrs.reduce((m, a) => Math.max(m, a.length), 0);
  const mi = space.itemAttrs.reduce((m, a) => Math.max(m, a.length), 0);
  return mu * mi;
}

/** The host arrays of impressions `rows` of the task; `rank` numbers the crosses in use (key → rank). */
export function hostBatch(space: FeatureSpace, task: ClickTask, rows: ArrayLike<number>, rank: ReadonlyMap<number, number>, crossWidth: number): HostBatch {
  const B = rows.length;
  const uw = space.userWidth;
  const iw = space.itemWidth;
  const S = uw + iw;
  const slots = new Int32Array(B * S);
  const weights = new Float32Array(B * S);
  const crossRank = new Int32Array(B * crossWidth).fill(-1);
  const labels = new Float32Array(B);
  for (let b = 0; b < B; b++) {
    const k = rows[b];
    const u = task.user[k];
    const i = task.item[k];
    slots.set(space.userSlots.subarray(u * uw, (u + 1) * uw), b * S);
    slots.set(space.itemSlots.subarray(i * iw, (i + 1) * iw), b * S + uw);
    weights.set(space.userSlotWeight.subarray(u * uw, (u + 1) * uw), b * S);
    weights.set(space.itemSlotWeight.subarray(i * iw, (i + 1) * iw), b * S + uw);
    labels[b] = task.label[k];
    if (rank.size === 0) continue;
    let c = b * crossWidth;
    for (const f of space.userAttrs[u]) for (const a of space.itemAttrs[i]) crossRank[c++] = rank.get(crossKey(space, f, a)) ?? -1;
  }
  return { size: B, slots, weights, crossRank, crossWidth, labels };
}

/**
 * The device batch for a model whose wide part has the raw features and the first `crosses` crosses of the ordering
 * (wide weight of cross r = space.size + r; the empty slot = space.size + crosses). A model without a wide part
 * ignores the wide arrays.
 */
export function deviceBatch(space: FeatureSpace, host: HostBatch, crosses: number): WideDeepBatch {
  const B = host.size;
  const S = host.slots.length / Math.max(1, B);
  const W = S + host.crossWidth;
  const empty = space.size + crosses;
  const wideIdx = new Int32Array(B * W);
  const wideVal = new Float32Array(B * W);
  for (let b = 0; b < B; b++) {
    for (let s = 0; s < S; s++) {
      const f = host.slots[b * S + s];
      const on = f < space.size;
      wideIdx[b * W + s] = on ? f : empty;
      wideVal[b * W + s] = on ? 1 : 0;
    }
    for (let c = 0; c < host.crossWidth; c++) {
      const r = host.crossRank[b * host.crossWidth + c];
      const on = r >= 0 && r < crosses;
      wideIdx[b * W + S + c] = on ? space.size + r : empty;
      wideVal[b * W + S + c] = on ? 1 : 0;
    }
  }
  return {
    wideIdx: tf.tensor1d(wideIdx, 'int32'),
    wideVal: tf.tensor2d(wideVal, [B, W]),
    deepIdx: tf.tensor1d(host.slots, 'int32'),
    deepWeight: tf.tensor3d(host.weights, [B, S, 1]),
    labels: tf.tensor1d(host.labels),
  };
}

export function disposeBatch(b: WideDeepBatch): void {
  tf.dispose([b.wideIdx, b.wideVal, b.deepIdx, b.deepWeight, b.labels]);
}
