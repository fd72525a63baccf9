// Persona purity: hand-computed partitions, the chance level, and true tastes read from a synthetic world.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromUserLists, type GroundTruth } from '../../data/dataset';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import { createAmpCf } from '../../models/ampCf/model';
import { chancePurity, measurePersonaTruth, partitionPurity, tasteOfItem, trueTastes } from './personaTruth';

beforeAll(useWasm);

describe('partition purity', () => {
  it('credits each persona with its most common taste', () => {
    // Persona 0 holds tastes a, a, b (2 of 3 in its majority); persona 1 holds b, b (2 of 2): (2 + 2) / 5.
    expect(partitionPurity([0, 0, 0, 1, 1], [7, 7, 9, 9, 9])).toBeCloseTo(4 / 5, 12);
    expect(partitionPurity([0, 0, 1, 1], [3, 3, 5, 5])).toBe(1);
  });

  it('of a single persona is the share of the most common taste (what MF scores)', () => {
    expect(partitionPurity([0, 0, 0, 0], [1, 2, 2, 2])).toBe(0.75);
  });

  it('at chance keeps persona sizes: one persona stays at the majority share, a perfect split falls', () => {
    const rng = new Rng(1);
    expect(chancePurity([0, 0, 0, 0], [1, 2, 2, 2], rng)).toBe(0.75);
    const labels = [1, 1, 1, 1, 2, 2, 2, 2];
    const chance = chancePurity([0, 0, 0, 0, 1, 1, 1, 1], labels, rng, 200);
    expect(chance).toBeGreaterThan(0.5);
    expect(chance).toBeLessThan(0.8);
  });
});

describe('true tastes', () => {
  const truth = { userTastes: Float64Array.from([0.6, 0.35, 0.05, 0, /* user 1 */ 0, 0, 0, 1]) } as GroundTruth;

  it('are the genres of weight ≥ 0.1, heaviest first', () => {
    expect(trueTastes(truth, 4, 0)).toEqual([0, 1]);
    expect(trueTastes(truth, 4, 1)).toEqual([3]);
  });

  it('label an item with the heaviest of the user’s tastes it has, or −1', () => {
    // Items × 4 genres: item 0 has genres 0 and 1, item 1 genre 1, item 2 genre 2 only.
    const genres = Uint8Array.from([1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
    expect(tasteOfItem(genres, 4, 0, [0, 1])).toBe(0);
    expect(tasteOfItem(genres, 4, 1, [0, 1])).toBe(1);
    expect(tasteOfItem(genres, 4, 2, [0, 1])).toBe(-1);
  });
});

describe('measurePersonaTruth', () => {
  it('scores MF (P = 1) at exactly the majority share and its chance level, over users with ≥ 2 tastes', async () => {
    // User 0 has tastes 0 and 1 with items 0, 1 (genre 0) and 2 (genre 1); user 1 has one taste and is left out.
    const truth = { userTastes: Float64Array.from([0.5, 0.5, 0, 1]) } as GroundTruth;
    const genres = Uint8Array.from([1, 0, 1, 0, 0, 1, 0, 1]);
    const train = fromUserLists([[0, 1, 2], [3]], 4);
    const before = tf.memory().numTensors;
    const m = createAmpCf({ numUsers: 2, numItems: 4, dim: 3, personas: 1, rng: new Rng(1) });
    const r = await measurePersonaTruth(m, train, truth, genres, 2, new Rng(2));
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(r).toMatchObject({ personas: 1, users: 1, items: 3, personasUsed: 1 });
    expect(r!.purity).toBeCloseTo(2 / 3, 12);
    expect(r!.chancePurity).toBeCloseTo(2 / 3, 12);
    expect(r!.majorityShare).toBeCloseTo(2 / 3, 12);
  });
});
