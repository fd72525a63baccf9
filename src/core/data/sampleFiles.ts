// The sample-data file set of a synthetic world (four CSVs and world.json): written from a dataset, parsed back.
import Papa from 'papaparse';
import { interactionsCsv, itemAttributesCsv, itemsCsv, usersCsv } from './csv';
import { ErrorCode, LabError } from '../errors';
import { fromPairs, nnz, rangeIds } from './dataset';
import type { SyntheticDataset, SyntheticSpec } from './syntheticWorld';
import { SAMPLE_FILE_NAMES, type SampleFileName } from './sampleFileNames';

export { SAMPLE_FILE_NAMES, type SampleFileName };

/** world.json: what is not a row of a CSV — the spec, the index order of every name, the planted exceptions. */
export interface WorldFile {
  name: string;
  seed: number;
  spec: SyntheticSpec;
  counts: { users: number; items: number; interactions: number; attributeTriples: number };
  genreNames: string[];
  relationNames: string[];
  entityNames: string[];
  userFeatureNames: string[];
  exceptions: { userFeature: string; relation: string; entity: string }[];
}

/** world.json's text for a generated dataset: two-space JSON with a final newline (stable key order). */
export function worldJson(d: SyntheticDataset, spec: SyntheticSpec): string {
  const a = d.attributes;
  const world: WorldFile = {
    name: d.name,
    seed: spec.seed,
    spec,
    counts: { users: d.interactions.numUsers, items: d.interactions.numItems, interactions: nnz(d.interactions), attributeTriples: a.item.length },
    genreNames: d.genreNames,
    relationNames: a.relationNames,
    entityNames: a.entityNames,
    userFeatureNames: d.userFeatures.names,
    exceptions: d.groundTruth.exceptions.map((x) => ({
      userFeature: d.userFeatures.names[x.userFeature],
      relation: a.relationNames[x.relation],
      entity: a.entityNames[x.entity],
    })),
  };
  return JSON.stringify(world, null, 2) + '\n';
}

/** Every file of a generated world, by file name. Same dataset ⇒ same bytes. */
export function sampleFiles(d: SyntheticDataset, spec: SyntheticSpec): Record<SampleFileName, string> {
  return {
    'interactions.csv': interactionsCsv(d),
    'items.csv': itemsCsv(d),
    'item_attributes.csv': itemAttributesCsv(d),
    'users.csv': usersCsv(d),
    'world.json': worldJson(d, spec),
  };
}

/** A problem in a sample file, naming the file and (for CSVs) the line. */
function fail(file: string, lineNo: number | null, problem: string): never {
  throw new LabError(ErrorCode.SampleFileInvalid, `${file}${lineNo === null ? '' : ` line ${lineNo}`}: ${problem}`);
}

/** The rows of a CSV with exactly the columns `header`, each with its 1-based line number. */
function rows(files: Record<string, string>, file: string, header: string[]): { cells: string[]; lineNo: number }[] {
  const text = files[file];
  if (text === undefined) fail(file, null, 'missing');
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', header: false, skipEmptyLines: false });
  if (parsed.errors.length > 0) fail(file, (parsed.errors[0].row ?? 0) + 1, parsed.errors[0].message);
  const [head, ...body] = parsed.data;
  if (head?.join(',') !== header.join(',')) fail(file, 1, `header must be '${header.join(',')}', found '${head?.join(',') ?? ''}'`);
  const out: { cells: string[]; lineNo: number }[] = [];
  body.forEach((cells, k) => {
    const lineNo = k + 2;
    if (cells.length === 1 && cells[0] === '') return; // the final newline
    if (cells.length !== header.length) fail(file, lineNo, `expected ${header.length} columns, found ${cells.length}`);
    out.push({ cells, lineNo });
  });
  return out;
}

function int(file: string, lineNo: number, column: string, s: string, below: number): number {
  const v = Number(s);
  if (!/^\d+$/.test(s) || v >= below) fail(file, lineNo, `${column} '${s}' is not an integer in [0, ${below})`);
  return v;
}

function num(file: string, lineNo: number, column: string, s: string): number {
  const v = Number(s);
  if (s.trim() === '' || !Number.isFinite(v)) fail(file, lineNo, `${column} '${s}' is not a number`);
  return v;
}

/** Index of each name in `names`; an unknown name is an error that names the file and line. */
function indexer(names: string[], file: string, what: string) {
  const at = new Map(names.map((n, i) => [n, i]));
  return (lineNo: number | null, name: string): number => at.get(name) ?? fail(file, lineNo, `unknown ${what} '${name}'`);
}

function parseWorld(files: Record<string, string>): WorldFile {
  const text = files['world.json'];
  if (text === undefined) fail('world.json', null, 'missing');
  let world: WorldFile;
  try {
    world = JSON.parse(text) as WorldFile;
  } catch (e) {
    fail('world.json', null, `not JSON (${(e as Error).message})`);
  }
  for (const key of ['genreNames', 'relationNames', 'entityNames', 'userFeatureNames', 'exceptions'] as const) {
    if (!Array.isArray(world[key])) fail('world.json', null, `'${key}' must be an array`);
  }
  if (typeof world.name !== 'string' || typeof world.seed !== 'number') fail('world.json', null, `'name' and 'seed' are required`);
  return world;
}

/**
 * Reads the files written by `sampleFiles` back into a Dataset: the same interactions, timestamps, genres, titles,
 * knowledge graph, user features and ground truth (floats to their printed precision). Pure: the caller
 * fetches or reads the texts. Throws an Error naming the file and line of the first problem.
 */
export function parseSampleFiles(files: Record<string, string>): SyntheticDataset {
  const world = parseWorld(files);
  const { genreNames, relationNames, entityNames, userFeatureNames } = world;
  const g = genreNames.length;

  const itemRows = rows(files, 'items.csv', ['item', 'title', 'genres', 'quality', 'popularity']);
  const numItems = itemRows.length;
  const genreIndex = indexer(genreNames, 'items.csv', 'genre');
  const itemGenres = new Uint8Array(numItems * g);
  const itemTitles: string[] = [];
  const itemQuality = new Float64Array(numItems);
  const itemPopularity = new Float64Array(numItems);
  itemRows.forEach(({ cells: [id, title, genres, quality, popularity], lineNo }, i) => {
    if (int('items.csv', lineNo, 'item', id, numItems) !== i) fail('items.csv', lineNo, `items must be numbered 0, 1, … in order (expected ${i})`);
    itemTitles.push(title);
    for (const name of genres === '' ? [] : genres.split('|')) itemGenres[i * g + genreIndex(lineNo, name)] = 1;
    itemQuality[i] = num('items.csv', lineNo, 'quality', quality);
    itemPopularity[i] = num('items.csv', lineNo, 'popularity', popularity);
  });

  const userRows = rows(files, 'users.csv', ['user', 'features', 'taste']);
  const numUsers = userRows.length;
  const featureIndex = indexer(userFeatureNames, 'users.csv', 'user feature');
  const tasteGenre = indexer(genreNames, 'users.csv', 'genre');
  const featureValues = new Uint8Array(numUsers * userFeatureNames.length);
  const userTastes = new Float64Array(numUsers * g);
  userRows.forEach(({ cells: [id, features, taste], lineNo }, u) => {
    if (int('users.csv', lineNo, 'user', id, numUsers) !== u) fail('users.csv', lineNo, `users must be numbered 0, 1, … in order (expected ${u})`);
    for (const name of features === '' ? [] : features.split('|')) featureValues[u * userFeatureNames.length + featureIndex(lineNo, name)] = 1;
    for (const pair of taste === '' ? [] : taste.split('|')) {
      const colon = pair.lastIndexOf(':');
      if (colon < 0) fail('users.csv', lineNo, `taste '${pair}' is not genre:weight`);
      userTastes[u * g + tasteGenre(lineNo, pair.slice(0, colon))] = num('users.csv', lineNo, 'taste weight', pair.slice(colon + 1));
    }
  });

  const pairRows = rows(files, 'interactions.csv', ['user', 'item', 'timestamp']);
  const users = new Int32Array(pairRows.length);
  const items = new Int32Array(pairRows.length);
  const stamps = new Float64Array(pairRows.length);
  const seen = new Set<number>();
  pairRows.forEach(({ cells: [u, i, t], lineNo }, e) => {
    users[e] = int('interactions.csv', lineNo, 'user', u, numUsers);
    items[e] = int('interactions.csv', lineNo, 'item', i, numItems);
    stamps[e] = num('interactions.csv', lineNo, 'timestamp', t);
    const key = users[e] * numItems + items[e];
    if (seen.has(key)) fail('interactions.csv', lineNo, `duplicate interaction (user ${u}, item ${i})`);
    seen.add(key);
  });
  const { interactions, columns } = fromPairs(numUsers, numItems, users, items, { timestamps: stamps });

  const tripleRows = rows(files, 'item_attributes.csv', ['item', 'relation', 'entity']);
  const relationIndex = indexer(relationNames, 'item_attributes.csv', 'relation');
  const entityIndex = indexer(entityNames, 'item_attributes.csv', 'entity');
  const attributes = {
    relationNames,
    entityNames,
    item: Int32Array.from(tripleRows, ({ cells, lineNo }) => int('item_attributes.csv', lineNo, 'item', cells[0], numItems)),
    relation: Int32Array.from(tripleRows, ({ cells, lineNo }) => relationIndex(lineNo, cells[1])),
    entity: Int32Array.from(tripleRows, ({ cells, lineNo }) => entityIndex(lineNo, cells[2])),
  };

  const worldFeature = indexer(userFeatureNames, 'world.json', 'user feature');
  const worldRelation = indexer(relationNames, 'world.json', 'relation');
  const worldEntity = indexer(entityNames, 'world.json', 'entity');
  const exceptions = world.exceptions.map((x) => ({
    userFeature: worldFeature(null, x.userFeature),
    relation: worldRelation(null, x.relation),
    entity: worldEntity(null, x.entity),
  }));

  return {
    name: world.name,
    source: { kind: 'synthetic', preset: world.name, seed: world.seed },
    userIds: rangeIds(numUsers),
    itemIds: rangeIds(numItems),
    itemTitles,
    interactions,
    timestamps: columns.timestamps as Float64Array,
    genreNames,
    itemGenres,
    attributes,
    userFeatures: { names: userFeatureNames, values: featureValues },
    groundTruth: { userTastes, itemQuality, itemPopularity, exceptions },
  };
}
