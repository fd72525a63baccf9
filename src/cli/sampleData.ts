// `npm run sample-data`: writes the built-in synthetic worlds to sample-data/<preset>/ (byte-identical every run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nnz } from '../core/data/dataset';
import { sampleFiles } from '../core/data/sampleFiles';
import { builtinDataset, SAMPLE_FILE_PRESETS, SYNTHETIC_PRESETS } from '../core/data/synthetic';
import { REPO_ROOT } from './repoRoot';

for (const preset of SAMPLE_FILE_PRESETS) {
  const started = performance.now();
  const d = builtinDataset(preset);
  const generated = performance.now();
  const dir = join(REPO_ROOT, 'sample-data', preset);
  mkdirSync(dir, { recursive: true });
  const files = sampleFiles(d, SYNTHETIC_PRESETS[preset]);
  let bytes = 0;
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  const x = d.interactions;
  process.stdout.write(
    `sample-data/${preset}: ${x.numUsers} users, ${x.numItems} items, ${nnz(x)} interactions, ` +
      `${d.attributes.item.length} attribute triples, ${(bytes / 1024).toFixed(0)} KiB ` +
      `(generated in ${(generated - started).toFixed(0)} ms, written in ${(performance.now() - generated).toFixed(0)} ms)\n`,
  );
}
