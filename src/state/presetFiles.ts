// Loads a built-in dataset the way the app ships it: the static files in sample-data/<preset>/.
import type { Dataset } from '../core/data/dataset';
import { SAMPLE_FILE_NAMES, type SampleFileName } from '../core/data/sampleFileNames';
import type { PresetLoader } from './dataSlice';

/**
 * Fetches every file of a preset from `base` (the app's /sample-data/) and parses them into a Dataset with `parse`
 * (the app's parses in a worker, and loads the parser on the page only if that fails: not on the first page).
 */
export function staticPresetLoader(
  base: string,
  fetchText: (url: string) => Promise<string>,
  parse: (files: Record<SampleFileName, string>) => Promise<Dataset>,
): PresetLoader {
  return async (name) => {
    const texts = await Promise.all(SAMPLE_FILE_NAMES.map((f) => fetchText(`${base}${name}/${f}`)));
    return parse(Object.fromEntries(SAMPLE_FILE_NAMES.map((f, i) => [f, texts[i]])) as Record<SampleFileName, string>);
  };
}

/** `fetch` that fails on an HTTP error, naming the URL. */
export async function fetchText(url: string): Promise<string> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  // A missing file on a single-page-app host comes back as the app's index.html with status 200.
  if (r.headers.get('content-type')?.includes('text/html')) throw new Error(`${url}: not found (the server sent a web page)`);
  return r.text();
}
