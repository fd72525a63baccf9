import { describe, expect, it } from 'vitest';
import { colorOf, gainPct, num, product, shortName, signedPct } from './format';

describe('the KGAT panel formats', () => {
  it('shows a missing value as a dash', () => {
    expect(num(null)).toBe('—');
    expect(num(Number.NaN)).toBe('—');
    expect(num(0.12345, 3)).toBe('0.123');
  });
  it('computes the relative gain over a base, none when the base is missing or zero', () => {
    expect(gainPct(0.15, 0.1)).toBeCloseTo(50);
    expect(gainPct(0.05, 0.1)).toBeCloseTo(-50);
    expect(gainPct(0.1, 0)).toBeNull();
    expect(gainPct(null, 0.1)).toBeNull();
    expect(signedPct(-4)).toBe('−4.0%');
    expect(signedPct(12.34)).toBe('+12.3%');
  });
  it('writes a small product of weights with two significant digits', () => {
    expect(product(9.67964585257152e-5)).toBe('0.000097');
    expect(product(0.0003)).toBe('0.00030');
    expect(product(0.0213)).toBe('0.021');
    expect(product(0.5)).toBe('0.500');
  });
  it('colours and names the depth-sweep models apart from the main four', () => {
    expect(colorOf('kgat', 2)).toBe('#8e44ad');
    expect(colorOf('kgat-l1', 1)).not.toBe(colorOf('kgat-l3', 3));
    expect(shortName('kgat-l3', 3)).toBe('KGAT, L = 3');
  });
});
