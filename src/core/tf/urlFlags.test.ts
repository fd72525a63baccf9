// tfjs never reads the page's link: the patch the build applies to tfjs-core's Environment, on the real file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TFJS_ENVIRONMENT_MODULE, withoutUrlFlags } from './urlFlags';

// The ESM file a bundler takes (tfjs-core's "module" entry is dist/index.js, which imports ./environment).
const coreDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-core/package.json'));
const path = join(coreDir, 'dist', 'environment.js');
const original = readFileSync(path, 'utf8');

/** The text of `populateURLFlags() { … }` in `code`, to its closing brace (the method has no braces in strings). */
function method(code: string): string {
  const at = code.indexOf('populateURLFlags() {');
  let depth = 0;
  for (let i = code.indexOf('{', at); i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}' && --depth === 0) return code.slice(at, i + 1);
  }
  throw new Error('unbalanced');
}

describe('withoutUrlFlags on tfjs-core/dist/environment.js', () => {
  it('is the file the build patches, and before the patch it reads location.search for "tfjsflags"', () => {
    expect(TFJS_ENVIRONMENT_MODULE.test(path)).toBe(true);
    expect(TFJS_ENVIRONMENT_MODULE.test(path.replace(/\//g, '\\'))).toBe(true);
    expect(TFJS_ENVIRONMENT_MODULE.test(join(coreDir, 'dist', 'engine.js'))).toBe(false);
    expect(method(original)).toContain('this.global.location.search');
    expect(method(original)).toContain('TENSORFLOWJS_FLAGS_PREFIX');
  });

  it('leaves populateURLFlags reading nothing, and the rest of the file byte for byte', () => {
    const patched = withoutUrlFlags(original);
    expect(method(patched)).not.toMatch(/location|getQueryParams|urlFlags\[/);
    expect(patched).not.toContain('location.search');
    expect(patched.replace(method(patched), '')).toBe(original.replace(method(original), ''));
  });

  it('fails loudly when tfjs changes and the method is not there once (the build stops, tfjs is not left reading the link)', () => {
    expect(() => withoutUrlFlags('export class Environment {}')).toThrow(/populateURLFlags/);
    expect(() => withoutUrlFlags(`${original}\n${original}`)).toThrow(/populateURLFlags/);
    const moved = original.replaceAll('this.global.location.search', 'self.location.search');
    expect(() => withoutUrlFlags(moved)).toThrow(/location\.search/);
  });
});
