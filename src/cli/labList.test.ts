import { describe, expect, it } from 'vitest';
import { findLab, LABS } from '../core/labs/registry';
import { describeRange, formatLabList, labSettings } from './labList';

describe('describeRange', () => {
  it('writes choices, closed and half-open ranges and one-sided bounds', () => {
    expect(describeRange({ enum: ['tiny', 'small'] })).toBe('tiny | small');
    expect(describeRange({ minimum: 1, maximum: 200 })).toBe('[1, 200]');
    expect(describeRange({ exclusiveMinimum: 0, maximum: 100 })).toBe('(0, 100]');
    expect(describeRange({ minimum: 0 })).toBe('≥ 0');
    expect(describeRange({})).toBe('');
  });
});

describe('the lab list', () => {
  it('derives each setting’s type, default, range and description from the schema', () => {
    const epochs = labSettings(findLab('pop-vs-mf')!).find((s) => s.key === 'epochs');
    expect(epochs).toEqual({ key: 'epochs', type: 'integer', default: '20', range: '[1, 200]', description: 'Passes over the training interactions' });
  });

  it('names every lab, its papers and every setting', () => {
    const text = formatLabList(LABS);
    for (const lab of LABS) {
      expect(text).toContain(lab.id);
      for (const p of lab.papers) expect(text).toContain(p.title);
      for (const key of Object.keys(lab.schema.shape)) expect(text).toContain(key);
    }
  });
});
