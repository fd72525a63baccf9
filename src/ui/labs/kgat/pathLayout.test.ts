import { describe, expect, it } from 'vitest';
import type { ExplainedPath } from '../../../core/labs/kgat/explain';
import { layoutPaths } from './pathLayout';

const path = (first: string, middle: string, via: 'entity' | 'user', w: number[]): ExplainedPath => ({
  nodes: [
    { name: 'user 0', kind: 'user' },
    { name: first, kind: 'item' },
    { name: middle, kind: via === 'user' ? 'user' : 'entity' },
    { name: 'Film B', kind: 'item' },
  ],
  relations: ['interact', via === 'user' ? 'interacted by' : 'genre', via === 'user' ? 'interact' : 'genre⁻¹'],
  weights: w,
  score: w[0] * w[1] * w[2],
  via,
});

describe('the explanation graph layout', () => {
  const paths = [path('Film A', 'genre: Drama', 'entity', [0.04, 0.2, 0.03]), path('Film A', 'user 7', 'user', [0.04, 0.1, 0.05]), path('Film C', 'genre: Drama', 'entity', [0.05, 0.3, 0.03])];
  const { nodes, edges } = layoutPaths(paths);

  it('draws each node once per column and each shared edge once, remembering which paths use it', () => {
    expect(nodes.map((n) => `${n.col}:${n.name}`).sort()).toEqual(['0:user 0', '1:Film A', '1:Film C', '2:genre: Drama', '2:user 7', '3:Film B'].sort());
    expect(edges).toHaveLength(7);
    const shared = edges.find((e) => e.from.name === 'user 0' && e.to.name === 'Film A');
    expect(shared?.paths).toEqual([0, 1]);
    const last = edges.find((e) => e.from.name === 'genre: Drama' && e.to.name === 'Film B');
    expect(last?.paths).toEqual([0, 2]);
  });

  it('dashes only the middle legs of a path through another user', () => {
    expect(edges.filter((e) => e.viaUser).map((e) => `${e.from.name}>${e.to.name}`)).toEqual(['Film A>user 7', 'user 7>Film B']);
  });

  it('centres the user and the recommended item on the fan', () => {
    const user = nodes.find((n) => n.col === 0)!;
    const target = nodes.find((n) => n.col === 3)!;
    const items = nodes.filter((n) => n.col === 1);
    expect(user.y).toBeCloseTo((items[0].y + items[1].y) / 2);
    expect(target.y).toBeCloseTo(user.y);
  });
});
