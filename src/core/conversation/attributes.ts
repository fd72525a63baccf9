// The item–attribute table a conversational recommender asks about: genres plus every relation's entities.
import type { Dataset } from '../data/dataset';

/**
 * Attributes of a catalogue as two CSR maps. Attribute ids: genres first, in `genreNames` order (named
 * "genre=Drama"), then each (relation, entity) pair that occurs, by relation then entity id ("creator=Studio 7",
 * "decade=1990s"). On synthetic worlds: genres, creators, decades; on imported MovieLens: genres, decades.
 */
export interface AttributeTable {
  names: string[];
  numItems: number;
  /** Item v's attributes: `itemAttrs[itemPtr[v] .. itemPtr[v+1])`, sorted ascending. */
  itemPtr: Int32Array;
  itemAttrs: Int32Array;
  /** Attribute p's items: `attrItems[attrPtr[p] .. attrPtr[p+1])`, sorted ascending. */
  attrPtr: Int32Array;
  attrItems: Int32Array;
}

/** Builds the table from a dataset's multi-hot genres and its attribute triples (duplicate triples count once). */
export function buildAttributeTable(d: Pick<Dataset, 'genreNames' | 'itemGenres' | 'attributes' | 'interactions'>): AttributeTable {
  const numItems = d.interactions.numItems;
  const g = d.genreNames.length;
  const names = d.genreNames.map((n) => `genre=${n}`);
  const lists: number[][] = Array.from({ length: numItems }, () => []);
  for (let v = 0; v < numItems; v++) for (let k = 0; k < g; k++) if (d.itemGenres[v * g + k]) lists[v].push(k);
  const a = d.attributes;
  if (a) {
    // One id per (relation, entity) pair that occurs, ordered by relation then entity.
    const pairs = new Set<number>();
    const ne = a.entityNames.length;
    for (let t = 0; t < a.item.length; t++) pairs.add(a.relation[t] * ne + a.entity[t]);
    const sorted = [...pairs].sort((x, y) => x - y);
    const idOf = new Map<number, number>();
    for (const key of sorted) {
      idOf.set(key, names.length);
      names.push(`${a.relationNames[Math.floor(key / ne)]}=${a.entityNames[key % ne]}`);
    }
    for (let t = 0; t < a.item.length; t++) lists[a.item[t]].push(idOf.get(a.relation[t] * ne + a.entity[t])!);
  }
  const itemPtr = new Int32Array(numItems + 1);
  const rows = lists.map((l) => Int32Array.from(new Set(l)).sort());
  rows.forEach((r, v) => (itemPtr[v + 1] = itemPtr[v] + r.length));
  const itemAttrs = new Int32Array(itemPtr[numItems]);
  rows.forEach((r, v) => itemAttrs.set(r, itemPtr[v]));
  // Transpose; visiting items in order keeps each attribute's row sorted.
  const numAttrs = names.length;
  const attrPtr = new Int32Array(numAttrs + 1);
  for (let e = 0; e < itemAttrs.length; e++) attrPtr[itemAttrs[e] + 1]++;
  for (let p = 0; p < numAttrs; p++) attrPtr[p + 1] += attrPtr[p];
  const fill = attrPtr.slice(0, numAttrs);
  const attrItems = new Int32Array(itemAttrs.length);
  for (let v = 0; v < numItems; v++) for (let e = itemPtr[v]; e < itemPtr[v + 1]; e++) attrItems[fill[itemAttrs[e]]++] = v;
  return { names, numItems, itemPtr, itemAttrs, attrPtr, attrItems };
}

/** Number of attributes. */
export function numAttributes(t: AttributeTable): number {
  return t.names.length;
}

/** Item v's attributes (a sorted view, no copy). */
export function itemAttributes(t: AttributeTable, v: number): Int32Array {
  return t.itemAttrs.subarray(t.itemPtr[v], t.itemPtr[v + 1]);
}

/** Attribute p's items (a sorted view, no copy). */
export function attributeItems(t: AttributeTable, p: number): Int32Array {
  return t.attrItems.subarray(t.attrPtr[p], t.attrPtr[p + 1]);
}

/** Does item v have attribute p? Binary search in v's few attributes. */
export function itemHas(t: AttributeTable, v: number, p: number): boolean {
  let lo = t.itemPtr[v];
  let hi = t.itemPtr[v + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = t.itemAttrs[mid];
    if (x === p) return true;
    if (x < p) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
