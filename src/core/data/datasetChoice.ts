// Which dataset a lab trains on: a built-in synthetic preset, or the person's imported files.
import { z } from 'zod';
import { ErrorCode, LabError } from '../errors';
import type { Dataset } from './dataset';
import { builtinDataset, SYNTHETIC_PRESETS, type SyntheticPreset } from './synthetic';

/** The value of a lab's `dataset` setting for imported data. */
export const IMPORTED = 'imported';

const presets = Object.keys(SYNTHETIC_PRESETS);
const choices: [string, ...string[]] = [presets[0], ...presets.slice(1), IMPORTED];

/** The `dataset` setting every lab shares. */
export function datasetSetting(defaultPreset: SyntheticPreset) {
  return z
    .enum(choices)
    .default(defaultPreset)
    .describe(`Built-in synthetic world (${Object.keys(SYNTHETIC_PRESETS).join(', ')}) or '${IMPORTED}' for files you loaded`);
}

export function isPreset(name: string): name is SyntheticPreset {
  return Object.hasOwn(SYNTHETIC_PRESETS, name);
}

/**
 * The dataset for a run: the one the caller passed if it matches the setting, else the built-in preset,
 * generated here. 'imported' without data is an error that says how to load some.
 */
export function resolveDataset(choice: string, provided?: Dataset): Dataset {
  if (provided && (choice === IMPORTED ? provided.source.kind === 'import' : provided.name === choice)) return provided;
  if (isPreset(choice)) return builtinDataset(choice);
  throw new LabError(
    ErrorCode.DatasetMissing,
    `dataset '${choice}' is not loaded: import your files first (in the app: the Data panel; in the CLI: --data DIR|FILE)`,
  );
}
