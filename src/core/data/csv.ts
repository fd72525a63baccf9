// Writes a synthetic world as plain CSV text, one function per file, byte-identical for the same dataset.
import Papa from 'papaparse';
import type { Dataset } from './dataset';
import { userItems } from './dataset';

/** Printed precision of each float column: the files round-trip to within half a unit of the last decimal. */
export const DECIMALS = { quality: 6, popularity: 10, taste: 6 } as const;

/** One CSV line; fields that need it (commas, quotes, line breaks) are quoted by papaparse, nothing else is. */
function line(fields: (string | number)[]): string {
  return Papa.unparse([fields.map(String)], { newline: '\n', quotes: false });
}

function file(header: string[], rows: (string | number)[][]): string {
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** The genres of item i, by name. */
function genresOf(d: Dataset, i: number): string[] {
  const g = d.genreNames.length;
  return d.genreNames.filter((_, k) => d.itemGenres[i * g + k]);
}

/**
 * `user,item,timestamp` — 0-based ids; rows grouped by user, each user's rows in time order (then by item), so
 * reading a user's rows top to bottom is their sequence. The timestamp column is omitted when there are none.
 */
export function interactionsCsv(d: Dataset): string {
  const x = d.interactions;
  const ts = d.timestamps;
  const rows: (string | number)[][] = [];
  for (let u = 0; u < x.numUsers; u++) {
    const items = userItems(x, u);
    const start = x.indptr[u];
    const order = Array.from(items, (_, j) => j);
    if (ts) order.sort((a, b) => ts[start + a] - ts[start + b] || items[a] - items[b]);
    for (const j of order) rows.push(ts ? [u, items[j], ts[start + j]] : [u, items[j]]);
  }
  return file(ts ? ['user', 'item', 'timestamp'] : ['user', 'item'], rows);
}

/** `item,title,genres,quality,popularity` — genres joined by `|` (the MovieLens convention), ground truth in fixed decimals. */
export function itemsCsv(d: Dataset): string {
  const gt = d.groundTruth;
  const rows = Array.from({ length: d.interactions.numItems }, (_, i) => [
    i,
    d.itemTitles?.[i] ?? '',
    genresOf(d, i).join('|'),
    gt ? gt.itemQuality[i].toFixed(DECIMALS.quality) : '',
    gt ? gt.itemPopularity[i].toFixed(DECIMALS.popularity) : '',
  ]);
  return file(['item', 'title', 'genres', 'quality', 'popularity'], rows);
}

/** `item,relation,entity` — the knowledge graph's triples by name, in the dataset's order. */
export function itemAttributesCsv(d: Dataset): string {
  const a = d.attributes;
  const rows = a ? Array.from(a.item, (item, k) => [item, a.relationNames[a.relation[k]], a.entityNames[a.entity[k]]]) : [];
  return file(['item', 'relation', 'entity'], rows);
}

/**
 * `user,features,taste` — features by name joined by `|`; taste as `genre:weight` pairs joined by `|` for the
 * genres with a non-zero weight, in genre order, weights in fixed decimals.
 */
export function usersCsv(d: Dataset): string {
  const f = d.userFeatures;
  const t = d.groundTruth?.userTastes;
  const g = d.genreNames.length;
  const rows = Array.from({ length: d.interactions.numUsers }, (_, u) => {
    const features = f ? f.names.filter((_, k) => f.values[u * f.names.length + k]).join('|') : '';
    const taste: string[] = [];
    for (let k = 0; t && k < g; k++) {
      const w = t[u * g + k];
      if (w > 0) taste.push(`${d.genreNames[k]}:${w.toFixed(DECIMALS.taste)}`);
    }
    return [u, features, taste.join('|')];
  });
  return file(['user', 'features', 'taste'], rows);
}
