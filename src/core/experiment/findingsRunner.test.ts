// Findings on public data the repo cannot ship: skipped (with the reason) without the data, run on it when given.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Dataset } from '../data/dataset';
import { defineFindings, fromSummary } from './findings';
import { measureFindings } from './findingsRunner';
import type { Lab, RunContext } from './types';

const schema = z.object({ dataset: z.string().default('workshop'), seed: z.number().default(1) });
const seen: { dataset: string; data?: string }[] = [];
const lab = {
  id: 'fake',
  schema,
  defaults: schema.parse({}),
  run: async (config: z.infer<typeof schema>, ctx: RunContext = {}) => {
    seen.push({ dataset: config.dataset, data: ctx.dataset?.name });
    return { labId: 'fake', config, backend: 'cpu', outcome: { status: 'completed' as const }, events: [], summary: { users: ctx.dataset?.userIds.length ?? 0 } };
  },
} as unknown as Lab;

const findings = defineFindings('fake', [
  { id: 'fake.real', labId: 'fake', claim: 'c', config: {}, seeds: [1], values: { n: { reading: fromSummary('users') } }, expect: { a: 'n', op: '>', b: 0 }, realData: 'ml-100k' },
]);

describe('findings on real data', () => {
  it('are skipped, with the reason, when the data is not at hand', async () => {
    const skipped: string[] = [];
    const out = await measureFindings(findings, () => lab, { backend: 'cpu', date: '', commit: '', onSkip: (id, why) => skipped.push(`${id}: ${why}`) });
    expect(out).toEqual([]);
    expect(skipped).toEqual(['fake.real: needs MovieLens 100K (a folder ml-100k/ under --data-dir)']);
  });

  it('run on the data given, as an imported dataset, and record its name', async () => {
    seen.length = 0;
    const data = { name: 'ml-100k', userIds: ['a', 'b', 'c'] } as unknown as Dataset;
    const [m] = await measureFindings(findings, () => lab, { backend: 'cpu', date: '', commit: '', realData: (n) => (n === 'ml-100k' ? data : undefined) });
    expect(seen).toEqual([{ dataset: 'imported', data: 'ml-100k' }]);
    expect(m.dataset).toBe('ml-100k');
    expect(m.values.n.mean).toBe(3);
    expect(m.held).toBe(true);
  });

  it('have no fast variant', () => {
    expect(() => defineFindings('fake', [{ ...findings[0], quick: { config: {}, seeds: [1] } }])).toThrow(/no fast variant/);
  });
});
