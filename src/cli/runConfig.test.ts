import { describe, expect, it } from 'vitest';
import { findLab } from '../core/labs/registry';
import { buildRunConfig } from './runConfig';

const lab = findLab('pop-vs-mf')!;
const file = (obj: unknown) => ({ path: 'my.json', text: JSON.stringify(obj) });

describe('buildRunConfig', () => {
  it('gives the lab defaults when nothing is set', () => {
    expect(buildRunConfig(lab, { sets: [] })).toEqual({ ok: true, config: lab.defaults });
  });

  it('layers defaults < config file < --set < --seed', () => {
    const r = buildRunConfig(lab, {
      file: file({ epochs: 5, seed: 1, dataset: 'tiny' }),
      sets: [
        ['epochs', '7'],
        ['seed', '2'],
      ],
      seed: 3,
    });
    expect(r).toEqual({ ok: true, config: { ...lab.defaults, dataset: 'tiny', epochs: 7, seed: 3 } });
  });

  it('reads --set values as JSON when they parse, else as text', () => {
    const r = buildRunConfig(lab, { sets: [['learningRate', '0.5'], ['optimizer', 'sgd']] });
    expect(r.ok && r.config).toMatchObject({ learningRate: 0.5, optimizer: 'sgd' });
  });

  it('names an unknown key and a bad value of --set', () => {
    const r = buildRunConfig(lab, { sets: [['nonsense', '1'], ['epochs', '0']] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatch(/--set nonsense=1: 'nonsense' is not a setting of lab 'pop-vs-mf'/);
    expect(r.errors[1]).toMatch(/--set epochs=0: 'epochs' = 0 is not valid/);
  });

  it('cuts a long --set value in its message rather than repeating it whole', () => {
    const r = buildRunConfig(lab, { sets: [['optimizer', 'x'.repeat(100_000)]] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].length).toBeLessThan(1_000);
    expect(r.errors[0]).toMatch(/^--set optimizer=x+… \(100010 characters\): 'optimizer' = "x+…" \(100000 characters\) is not valid/);
  });

  it('names the file and the key of a bad config file, and the file when it is not JSON', () => {
    const bad = buildRunConfig(lab, { file: file({ epochs: 2, nonsense: true }), sets: [] });
    expect(bad).toEqual({ ok: false, errors: [expect.stringMatching(/config file my\.json: 'nonsense' is not a setting/)] });
    const notJson = buildRunConfig(lab, { file: { path: 'broken.json', text: '{ epochs: 2' }, sets: [] });
    expect(notJson.ok === false && notJson.errors[0]).toMatch(/config file broken\.json: not valid JSON/);
    const notObject = buildRunConfig(lab, { file: { path: 'list.json', text: '[1]' }, sets: [] });
    expect(notObject.ok === false && notObject.errors[0]).toMatch(/list\.json: a config must be a JSON object/);
  });

  it('validates --seed against the lab’s seed range', () => {
    const r = buildRunConfig(lab, { sets: [], seed: 2 ** 40 });
    expect(r.ok === false && r.errors[0]).toMatch(/--seed 1099511627776: 'seed'/);
  });
});
