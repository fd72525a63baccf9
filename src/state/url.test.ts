import { describe, expect, it } from 'vitest';
import { popVsMfDefaults } from '../core/labs/popVsMf/config';
import { readUrl, writeUrl } from './url';

describe('the URL state', () => {
  it('opens the first lab with its defaults when the URL is empty, with no notices', () => {
    expect(readUrl('')).toEqual({ labId: 'pop-vs-mf', backend: 'auto', config: popVsMfDefaults, notices: [] });
  });

  it('round-trips a lab, a backend and every setting', () => {
    const config = { ...popVsMfDefaults, dataset: 'tiny', seed: 7, learningRate: 0.05, optimizer: 'sgd' };
    const back = readUrl(writeUrl('pop-vs-mf', 'webgl', config));
    expect(back).toEqual({ labId: 'pop-vs-mf', backend: 'webgl', config, notices: [] });
  });

  it('leaves the backend out of the link when it is auto', () => {
    expect(writeUrl('pop-vs-mf', 'auto', popVsMfDefaults)).not.toMatch(/backend=/);
  });

  it('names each malformed or unknown parameter and falls back to its default', () => {
    const s = readUrl('?lab=nope&epochs=abc&learningRate=-1&backend=quantum&color=red&seed=9');
    expect(s.labId).toBe('pop-vs-mf');
    expect(s.backend).toBe('auto');
    expect(s.config).toEqual({ ...popVsMfDefaults, seed: 9 });
    const text = s.notices.join('\n');
    for (const name of ["'lab'", "'epochs'", "'learningRate'", "'backend'", "'color'"]) expect(text).toContain(name);
    expect(s.notices).toHaveLength(5);
    expect(text).toContain('using the default 20');
  });

  it('uses the default, as its notice says, when a repeated parameter ends on a bad value', () => {
    const s = readUrl('?epochs=30&epochs=abc');
    expect(s.config.epochs).toBe(20);
    expect(s.notices).toHaveLength(1);
  });
});
