import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interactionsCsv, itemsCsv } from './csv';
import { builtinDataset, SYNTHETIC_PRESETS, type SyntheticPreset } from './synthetic';

const root = join(import.meta.dirname, '..', '..', '..', 'sample-data');

describe('the committed sample-data files', () => {
  for (const preset of Object.keys(SYNTHETIC_PRESETS) as SyntheticPreset[]) {
    it(`match what the generator makes for '${preset}', byte for byte (run npm run sample-data if not)`, () => {
      const d = builtinDataset(preset);
      expect(existsSync(join(root, preset, 'interactions.csv'))).toBe(true);
      expect(readFileSync(join(root, preset, 'interactions.csv'), 'utf8')).toBe(interactionsCsv(d));
      expect(readFileSync(join(root, preset, 'items.csv'), 'utf8')).toBe(itemsCsv(d));
    });
  }

  it('writes items with their genres joined by |', () => {
    const first = itemsCsv(builtinDataset('tiny')).split('\n')[1];
    expect(first).toMatch(/^0,[A-Za-z-]+(\|[A-Za-z-]+)*$/);
  });
});
