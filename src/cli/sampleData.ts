// `npm run sample-data`: writes the built-in synthetic datasets to sample-data/ as CSV (byte-identical every run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interactionsCsv, itemsCsv } from '../core/data/csv';
import { builtinDataset, SYNTHETIC_PRESETS, type SyntheticPreset } from '../core/data/synthetic';
import { REPO_ROOT } from './repoRoot';

for (const preset of Object.keys(SYNTHETIC_PRESETS) as SyntheticPreset[]) {
  const d = builtinDataset(preset);
  const dir = join(REPO_ROOT, 'sample-data', preset);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'interactions.csv'), interactionsCsv(d));
  writeFileSync(join(dir, 'items.csv'), itemsCsv(d));
  process.stdout.write(`sample-data/${preset}: ${d.interactions.numUsers} users, ${d.interactions.numItems} items, ${d.interactions.indices.length} interactions\n`);
}
