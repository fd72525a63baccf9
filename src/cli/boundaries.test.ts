// The boundary check (`npm run check:boundaries`) can fail: the repo's own rules, run on a tiny fake repo.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './repoRoot';

/** The fake repo: each file is named after what it shows; the import it makes is the point of the case. */
const FILES: Record<string, string> = {
  // Violations, one per rule.
  'src/core/foo.ts': "import { bar } from '../ui/bar';\nexport const foo = bar;\n",
  'src/core/labs/a/x.ts': "import { m } from '../../models/m';\nimport { y } from '../b/y';\nexport const x = m + y;\n",
  'src/core/labs/b/t.ts': "import type { Q } from '../a/q';\nexport const t: Q = 1;\n",
  'src/ui/labs/a/r.tsx': "import { y } from '../../../core/labs/b/y';\nexport const r = y;\n",
  'src/ui/labs/b/s.tsx': "import { p } from '../a/p';\nexport const s = p;\n",
  'src/cli/z.ts': "import { w } from '../../e2e/w';\nexport const z = w;\n",
  // Allowed: a lab to the shared models, a panel to its own core lab, the registries to every lab, e2e to src.
  'src/ui/labs/a/p.tsx': "import { q } from '../../../core/labs/a/q';\nexport const p = q;\n",
  'src/core/labs/registry.ts': "import { x } from './a/x';\nimport { y } from './b/y';\nexport const labs = [x, y];\n",
  'src/ui/labs/index.ts': "import { p } from './a/p';\nimport { s } from './b/s';\nexport const panels = [p, s];\n",
  'e2e/spec.ts': "import { z } from '../src/cli/z';\nexport const spec = z;\n",
  // Leaves.
  'src/core/models/m.ts': 'export const m = 1;\n',
  'src/core/labs/a/q.ts': 'export type Q = number;\nexport const q = 1;\n',
  'src/core/labs/b/y.ts': 'export const y = 1;\n',
  'src/ui/bar.ts': 'export const bar = 1;\n',
  'e2e/w.ts': 'export const w = 1;\n',
};

const root = mkdtempSync(join(tmpdir(), 'lab-boundaries-'));
let result: ICruiseResult;

/** Every reported violation as `rule: from → to`, sorted. */
const violations = () =>
  result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

beforeAll(async () => {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  // The real rule set, read from the file `npm run check:boundaries` uses, not a copy of it.
  const options = await extractDepcruiseOptions(join(REPO_ROOT, '.dependency-cruiser.cjs'));
  const out = await cruise(['src', 'e2e'], { ...options, baseDir: root });
  result = out.output as ICruiseResult;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the boundary rules', () => {
  it('cruise every file of the fake repo', () => {
    const sources = result.modules.map((m) => m.source);
    expect(sources).toEqual(expect.arrayContaining(Object.keys(FILES)));
  });

  it('report core importing the UI under core-imports-no-outer-layer', () => {
    expect(violations()).toContain('core-imports-no-outer-layer: src/core/foo.ts → src/ui/bar.ts');
  });

  it('report a core lab importing another core lab, type-only imports included, under core-lab-imports-no-other-lab', () => {
    expect(violations()).toContain('core-lab-imports-no-other-lab: src/core/labs/a/x.ts → src/core/labs/b/y.ts');
    expect(violations()).toContain('core-lab-imports-no-other-lab: src/core/labs/b/t.ts → src/core/labs/a/q.ts');
  });

  it("report a lab's panel importing another lab, in core or in the UI, under ui-lab-imports-no-other-lab", () => {
    expect(violations()).toContain('ui-lab-imports-no-other-lab: src/ui/labs/a/r.tsx → src/core/labs/b/y.ts');
    expect(violations()).toContain('ui-lab-imports-no-other-lab: src/ui/labs/b/s.tsx → src/ui/labs/a/p.tsx');
  });

  it('report the CLI importing the e2e tests under cli-imports-no-e2e', () => {
    expect(violations()).toContain('cli-imports-no-e2e: src/cli/z.ts → e2e/w.ts');
  });

  it('report nothing else: shared models, a panel on its own lab, the registries and e2e importing src are allowed', () => {
    expect(violations()).toEqual([
      'cli-imports-no-e2e: src/cli/z.ts → e2e/w.ts',
      'core-imports-no-outer-layer: src/core/foo.ts → src/ui/bar.ts',
      'core-lab-imports-no-other-lab: src/core/labs/a/x.ts → src/core/labs/b/y.ts',
      'core-lab-imports-no-other-lab: src/core/labs/b/t.ts → src/core/labs/a/q.ts',
      'ui-lab-imports-no-other-lab: src/ui/labs/a/r.tsx → src/core/labs/b/y.ts',
      'ui-lab-imports-no-other-lab: src/ui/labs/b/s.tsx → src/ui/labs/a/p.tsx',
    ]);
    expect(result.summary.error).toBe(6);
  });
});
