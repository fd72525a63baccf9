import { describe, expect, it } from 'vitest';
import { popVsMfDefaults } from '../core/labs/popVsMf/config';
import { readUrl, writeUrl } from './url';

describe('the URL state', () => {
  it('opens the first lab with its defaults when the URL is empty, with no notices', () => {
    expect(readUrl('')).toEqual({ labId: 'pop-vs-mf', backend: 'auto', config: popVsMfDefaults, embed: false, notices: [] });
  });

  it('round-trips a lab, a backend and every setting', () => {
    const config = { ...popVsMfDefaults, dataset: 'tiny', seed: 7, learningRate: 0.05, optimizer: 'sgd' };
    const back = readUrl(writeUrl('pop-vs-mf', 'webgl', config));
    expect(back).toEqual({ labId: 'pop-vs-mf', backend: 'webgl', config, embed: false, notices: [] });
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

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('treats %s as an unknown parameter, as lab and backend values too', (name) => {
    const s = readUrl(`?${name}=1&lab=${name}&backend=${name}&epochs=3`);
    expect(s.labId).toBe('pop-vs-mf');
    expect(s.backend).toBe('auto');
    expect(s.config).toEqual({ ...popVsMfDefaults, epochs: 3 });
    expect(s.notices).toEqual([
      expect.stringMatching(new RegExp(`^OL104: URL parameter 'lab' = "${name}" is not a lab`)),
      expect.stringMatching(new RegExp(`^OL101: URL parameter 'backend' = "${name}" is not one of`)),
      `OL105: URL parameter '${name}' is not a setting of 'pop-vs-mf' and was ignored.`,
    ]);
  });

  it.each(['?seed=%', '?epochs=%ZZ', '?dataset=work%2', '?lab=%E0%A4%A', '?%=%', '?a%ZZb=1', '?epochs=%00'])('reads the malformed encoding %s without throwing and names the value', (search) => {
    const s = readUrl(search);
    expect(s.notices).toHaveLength(1);
    expect(s.config).toEqual(popVsMfDefaults);
  });

  it('says "tfjsflags" was ignored, like any other parameter that is not a setting', () => {
    expect(readUrl('?tfjsflags=DEBUG:true,WEBGL_PACK:false').notices).toEqual([
      "OL105: URL parameter 'tfjsflags' is not a setting of 'pop-vs-mf' and was ignored.",
    ]);
  });

  it('takes the last of a parameter given twice, lab and backend as every setting, and says so when they differ', () => {
    const s = readUrl('?lab=weighting&lab=pop-vs-mf&backend=cpu&backend=wasm&epochs=5&epochs=7&seed=3&seed=3');
    expect(s).toMatchObject({ labId: 'pop-vs-mf', backend: 'wasm', config: { epochs: 7, seed: 3 } });
    expect(s.notices).toEqual([
      `OL101: URL parameter 'lab' is given 2 times with different values; using the last, "pop-vs-mf".`,
      `OL101: URL parameter 'backend' is given 2 times with different values; using the last, "wasm".`,
      `OL101: URL parameter 'epochs' is given 2 times with different values; using the last, "7".`,
    ]);
  });

  it('judges only the value that counts: an earlier bad value replaced by a good one gets no notice of its own', () => {
    const s = readUrl('?epochs=abc&epochs=3');
    expect(s.config.epochs).toBe(3);
    expect(s.notices).toEqual([`OL101: URL parameter 'epochs' is given 2 times with different values; using the last, "3".`]);
  });

  it('names a parameter given twice once, so every notice is different', () => {
    const s = readUrl('?color=red&color=blue&epochs=abc&epochs=abc');
    expect(s.notices).toHaveLength(2);
    expect(new Set(s.notices).size).toBe(2);
  });

  it('cuts every long value or name in a notice to its start and its length', () => {
    const long = 'x'.repeat(100_000);
    const s = readUrl(`?lab=${long}&backend=${long}&epochs=${long}&${long}=1`);
    expect(s.notices).toHaveLength(4);
    for (const n of s.notices) {
      expect(n.length).toBeLessThan(400);
      expect(n).toContain('(100000 characters)');
    }
  });

  describe('embed mode', () => {
    it('embeds the lab that embed= names, or with embed=1 the one lab= names, and keeps embed=1 in the link', () => {
      expect(readUrl('?embed=weighting')).toMatchObject({ labId: 'weighting', embed: true, notices: [] });
      expect(readUrl('?embed=1&lab=mult-vae')).toMatchObject({ labId: 'mult-vae', embed: true, notices: [] });
      expect(readUrl('?lab=mult-vae&embed=true')).toMatchObject({ labId: 'mult-vae', embed: true, notices: [] });
      expect(readUrl('?embed=0&lab=weighting')).toMatchObject({ labId: 'weighting', embed: false, notices: [] });
      const link = writeUrl('weighting', 'auto', readUrl('?embed=weighting').config, true);
      expect(link).toMatch(/^\?lab=weighting&embed=1&/);
      expect(readUrl(link)).toMatchObject({ labId: 'weighting', embed: true, notices: [] });
      expect(writeUrl('weighting', 'auto', readUrl('?embed=weighting').config)).not.toMatch(/[?&]embed=/);
    });

    it('refuses an embed value that is neither a lab nor 1, naming it, and shows the whole app', () => {
      for (const bad of ['nope', 'constructor', '<img src=x onerror=alert(1)>', '']) {
        const s = readUrl(`?embed=${encodeURIComponent(bad)}`);
        expect(s.embed).toBe(false);
        expect(s.labId).toBe('pop-vs-mf');
        expect(s.notices).toHaveLength(1);
        expect(s.notices[0]).toContain(`'embed' = ${JSON.stringify(bad)}`);
      }
    });

    it('says which lab opened when embed= and lab= disagree, and never treats embed as a setting', () => {
      const s = readUrl('?embed=weighting&lab=mult-vae&epochs=3');
      expect(s).toMatchObject({ labId: 'weighting', embed: true, config: { epochs: 3 } });
      expect(s.notices).toHaveLength(1);
      expect(s.notices[0]).toContain("'embed' and 'lab' name different labs");
    });
  });
});
