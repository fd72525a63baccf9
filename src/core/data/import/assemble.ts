// Parsed rows → Dataset: item catalogue, duplicate check or merge, rating threshold, id ordering, CSR via fromPairs.
import { fromPairs, orderByUserThenItem, type Dataset, type DatasetSource, type ItemAttributes, type UserFeatures } from '../dataset';
import { ImportErrorCode, type IssueLog } from './importErrors';
import { decadeName } from './releaseYear';
import { showText } from '../../showText';

/** Interaction rows as read from one file, before indexing: entry r came from line `lines[r]`. */
export interface RawInteractions {
  file: string;
  users: string[];
  items: string[];
  ratings: number[] | null;
  timestamps: number[] | null;
  lines: number[];
}

/**
 * An items file: ids with their line, optional titles, multi-hot genres (ids.length × genreNames.length) and,
 * for MovieLens, each item's release year (null when unknown), which becomes a 'decade' attribute.
 */
export interface RawCatalogue {
  file: string;
  ids: string[];
  lines: number[];
  titles: string[] | null;
  genreNames: string[];
  genres: Uint8Array;
  years?: (number | null)[];
}

/** A users file (MovieLens 100K's u.user): multi-hot features per listed user. */
export interface RawUserTable {
  file: string;
  ids: string[];
  featureNames: string[];
  values: Uint8Array;
}

export interface AssembleOptions {
  name: string;
  format: Extract<DatasetSource, { kind: 'import' }>['format'];
  files: string[];
  ratingThreshold: number;
  /** 'error': a repeated (user, item) is a broken file; 'merge-latest': keep the row with the latest timestamp. */
  duplicates: 'error' | 'merge-latest';
}

export interface AssembleStats {
  rowsRead: number;
  duplicatesMerged: number;
  rowsKept: number;
  usersWithoutKeptRows: number;
}

/**
 * Order in which ids become internal indices: ascending by value when every id is a whole number (so
 * MovieLens user "2" comes before "10"), otherwise the order of first appearance. Returns positions into `ids`.
 */
export function idOrder(ids: readonly string[]): number[] {
  const order = ids.map((_, k) => k);
  if (ids.every((s) => /^-?\d{1,15}$/.test(s))) {
    const v = ids.map(Number);
    order.sort((a, b) => v[a] - v[b]);
  }
  return order;
}

function catalogueIndex(cat: RawCatalogue, log: IssueLog): Map<string, number> | null {
  const seen = new Map<string, number>();
  for (let k = 0; k < cat.ids.length; k++) {
    const first = seen.get(cat.ids[k]);
    if (first !== undefined) {
      log.error(ImportErrorCode.DuplicateId, cat.file, cat.lines[k], `item ${showText(cat.ids[k])} is listed again (first on line ${cat.lines[first]}).`);
    } else seen.set(cat.ids[k], k);
  }
  return log.failed ? null : seen;
}

/**
 * Builds the dataset, or returns null after logging every problem. Interactions whose rating is below
 * `ratingThreshold` are dropped (rows without a rating column are all kept); users left with no interaction
 * are dropped too; items are the whole items file (a catalogue may hold items nobody chose) or, without
 * one, every item named in the interactions file.
 */
export function assemble(
  x: RawInteractions,
  catalogue: RawCatalogue | null,
  userTable: RawUserTable | null,
  o: AssembleOptions,
  log: IssueLog,
): { dataset: Dataset; stats: AssembleStats } | null {
  const n = x.users.length;
  // Items: the catalogue in id order, or the interaction file's items.
  let catalogueIds: string[];
  let byFilePos: Map<string, number>;
  if (catalogue) {
    const idx = catalogueIndex(catalogue, log);
    if (!idx) return null;
    catalogueIds = catalogue.ids;
    byFilePos = idx;
  } else {
    byFilePos = new Map();
    for (const it of x.items) if (!byFilePos.has(it)) byFilePos.set(it, byFilePos.size);
    catalogueIds = [...byFilePos.keys()];
  }
  const itemOrder = idOrder(catalogueIds);
  const rank = new Int32Array(catalogueIds.length);
  itemOrder.forEach((pos, i) => (rank[pos] = i));
  const numItems = catalogueIds.length;

  // Per row: item index and a provisional user index (first appearance).
  const itemOf = new Int32Array(n);
  const userOf = new Int32Array(n);
  const userPos = new Map<string, number>();
  const users: string[] = [];
  for (let r = 0; r < n; r++) {
    const pos = byFilePos.get(x.items[r]);
    if (pos === undefined) {
      log.error(
        ImportErrorCode.UnknownItem,
        x.file,
        x.lines[r],
        `item ${showText(x.items[r])} is not in ${catalogue?.file ?? 'the items file'}; add it there or remove this row.`,
      );
      itemOf[r] = -1;
    } else itemOf[r] = rank[pos];
    let u = userPos.get(x.users[r]);
    if (u === undefined) {
      u = users.length;
      userPos.set(x.users[r], u);
      users.push(x.users[r]);
    }
    userOf[r] = u;
  }
  const userFeatureRow = new Map<string, number>();
  if (userTable) {
    userTable.ids.forEach((id, k) => userFeatureRow.set(id, k));
    const reported = new Set<string>();
    for (let r = 0; r < n; r++) {
      if (userFeatureRow.has(x.users[r]) || reported.has(x.users[r])) continue;
      reported.add(x.users[r]);
      log.error(ImportErrorCode.UnknownUser, x.file, x.lines[r], `user ${showText(x.users[r])} is not in ${userTable.file}.`);
    }
  }
  if (log.failed) return null;

  // Repeated (user, item) pairs: an error naming both lines, or merged keeping the latest timestamp.
  const { keep, firstOf } = findRepeats(userOf, itemOf, users.length, x.timestamps);
  let duplicatesMerged = 0;
  for (let r = 0; r < n; r++) {
    const prev = firstOf[r];
    if (prev < 0) continue;
    if (o.duplicates === 'error') {
      log.error(
        ImportErrorCode.DuplicateRow,
        x.file,
        x.lines[r],
        `user ${showText(x.users[r])} and item ${showText(x.items[r])} appear again (first on line ${x.lines[prev]}); each pair may appear once.`,
      );
    } else duplicatesMerged++;
  }
  if (log.failed) return null;

  // Binarise and keep users with at least one interaction left.
  const ratings = x.ratings;
  let rowsKept = 0;
  const keptPerUser = new Int32Array(users.length);
  for (let r = 0; r < n; r++) {
    if (keep[r] && ratings && !(ratings[r] >= o.ratingThreshold)) keep[r] = 0;
    if (keep[r]) {
      rowsKept++;
      keptPerUser[userOf[r]]++;
    }
  }
  if (rowsKept === 0) {
    log.error(
      ImportErrorCode.NothingKept,
      x.file,
      undefined,
      `no rating is at or above the threshold ${o.ratingThreshold}, so no interaction is left; lower the threshold.`,
    );
    return null;
  }
  const keptUsers = users.filter((_, u) => keptPerUser[u] > 0);
  const userOrder = idOrder(keptUsers);
  const userIndex = new Map<string, number>();
  userOrder.forEach((pos, i) => userIndex.set(keptUsers[pos], i));
  const userIds = userOrder.map((pos) => keptUsers[pos]);
  const finalUser = Int32Array.from(users, (id) => userIndex.get(id) ?? -1);

  const pu = new Int32Array(rowsKept);
  const pi = new Int32Array(rowsKept);
  const pr = ratings ? new Float32Array(rowsKept) : null;
  const pt = x.timestamps ? new Float64Array(rowsKept) : null;
  for (let r = 0, e = 0; r < n; r++) {
    if (!keep[r]) continue;
    pu[e] = finalUser[userOf[r]];
    pi[e] = itemOf[r];
    if (pr && ratings) pr[e] = ratings[r];
    if (pt && x.timestamps) pt[e] = x.timestamps[r];
    e++;
  }
  const columns: Record<string, Float32Array | Float64Array> = {};
  if (pr) columns.ratings = pr;
  if (pt) columns.timestamps = pt;
  const built = fromPairs(userIds.length, numItems, pu, pi, columns);

  const genreNames = catalogue?.genreNames ?? [];
  const g = genreNames.length;
  const itemGenres = new Uint8Array(numItems * g);
  if (catalogue) itemOrder.forEach((pos, i) => itemGenres.set(catalogue.genres.subarray(pos * g, pos * g + g), i * g));
  const titles = catalogue?.titles;
  const attributes = catalogue?.years ? decadeAttributes(itemOrder.map((pos) => catalogue.years?.[pos] ?? null)) : null;

  const dataset: Dataset = {
    name: o.name,
    source: { kind: 'import', format: o.format, files: o.files, ...(ratings ? { ratingThreshold: o.ratingThreshold } : {}) },
    userIds,
    itemIds: itemOrder.map((pos) => catalogueIds[pos]),
    ...(titles ? { itemTitles: itemOrder.map((pos) => titles[pos]) } : {}),
    interactions: built.interactions,
    ...(pr ? { ratings: built.columns.ratings as Float32Array } : {}),
    ...(pt ? { timestamps: built.columns.timestamps as Float64Array } : {}),
    genreNames,
    itemGenres,
    ...(attributes ? { attributes } : {}),
    ...(userTable ? { userFeatures: pickUserFeatures(userTable, userIds, userFeatureRow) } : {}),
  };
  return {
    dataset,
    stats: { rowsRead: n, duplicatesMerged, rowsKept, usersWithoutKeptRows: users.length - keptUsers.length },
  };
}

/**
 * Rows that repeat an earlier row's (user, item): `firstOf[r]` is the first row of r's pair, or −1 for that
 * first row itself; `keep[r]` = 1 for the row each pair keeps — the latest timestamp, on a tie (or without
 * timestamps) the later line. Rows are ordered by user then item (`orderByUserThenItem`, as CSR is built), so
 * this needs a few typed arrays of n entries rather than a hash map of every pair.
 */
export function findRepeats(
  userOf: Int32Array,
  itemOf: Int32Array,
  numUsers: number,
  timestamps: ArrayLike<number> | null,
): { keep: Uint8Array; firstOf: Int32Array } {
  const n = userOf.length;
  const { start, order } = orderByUserThenItem(userOf, itemOf, numUsers);
  const keep = new Uint8Array(n);
  const firstOf = new Int32Array(n).fill(-1);
  for (let u = 0; u < numUsers; u++) {
    const rows = order.subarray(start[u], start[u + 1]); // by item, ties in line order
    for (let k = 0; k < rows.length; ) {
      let end = k + 1;
      while (end < rows.length && itemOf[rows[end]] === itemOf[rows[k]]) end++;
      let winner = rows[k];
      for (let j = k + 1; j < end; j++) {
        const r = rows[j];
        firstOf[r] = rows[k];
        if (!timestamps || timestamps[r] >= timestamps[winner]) winner = r;
      }
      keep[winner] = 1;
      k = end;
    }
  }
  return { keep, firstOf };
}

/**
 * A one-relation knowledge graph, (item, 'decade', "1990s"), from each item's release year (by internal item
 * index): entities are the decades that occur, ascending; an item of unknown year has no triple. Null when no
 * item has a known year, so a catalogue without dates gets no empty graph.
 */
export function decadeAttributes(years: readonly (number | null)[]): ItemAttributes | null {
  const decades = [...new Set(years.flatMap((y) => (y === null ? [] : [Math.floor(y / 10) * 10])))].sort((a, b) => a - b);
  if (decades.length === 0) return null;
  const entityOf = new Map(decades.map((d, k) => [d, k]));
  const item: number[] = [];
  const entity: number[] = [];
  years.forEach((y, i) => {
    if (y === null) return;
    item.push(i);
    entity.push(entityOf.get(Math.floor(y / 10) * 10) as number);
  });
  return {
    relationNames: ['decade'],
    entityNames: decades.map(decadeName),
    item: Int32Array.from(item),
    relation: new Int32Array(item.length),
    entity: Int32Array.from(entity),
  };
}

function pickUserFeatures(t: RawUserTable, userIds: string[], row: Map<string, number>): UserFeatures {
  const f = t.featureNames.length;
  const values = new Uint8Array(userIds.length * f);
  userIds.forEach((id, u) => {
    const k = row.get(id) as number;
    values.set(t.values.subarray(k * f, k * f + f), u * f);
  });
  return { names: t.featureNames, values };
}
