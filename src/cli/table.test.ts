import { describe, expect, it } from 'vitest';
import { formatNumber, formatTable } from './table';

describe('formatTable', () => {
  it('pads text left-aligned and numbers right-aligned under a rule', () => {
    expect(formatTable(['name', 'value'], [['a', '1.5'], ['long name', '10']])).toBe(
      ['name       value', '---------  -----', 'a            1.5', 'long name     10'].join('\n'),
    );
  });
});

describe('formatNumber', () => {
  it('keeps 4 significant digits and uses exponents only for extreme magnitudes', () => {
    expect([formatNumber(0.123456), formatNumber(1234.5678), formatNumber(0), formatNumber(1e-5), formatNumber(NaN)]).toEqual([
      '0.1235',
      '1235',
      '0',
      '1.000e-5',
      'NaN',
    ]);
  });
});
