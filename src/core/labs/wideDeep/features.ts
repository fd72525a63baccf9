// Feature columns like the paper's: categorical ids and attributes (one-hot for the wide part, embeddings for the
// deep part), and the cross-product candidates user attribute × item attribute for the wide part.
import type { Dataset } from '../../data/dataset';

/** One categorical column: a user or item id, a user attribute group (age, region…), genres or an item relation. */
export interface Field {
  name: string;
  side: 'user' | 'item';
  /** True for the id columns, which take part in no cross. */
  isId: boolean;
  values: string[];
  /** Global index of its first value: feature = offset + value index. */
  offset: number;
  /** Most values one user or item has in this column (slots per example). */
  width: number;
}

/**
 * Every raw feature of a dataset, numbered globally 0 … size − 1 (field after field), and each user's and item's
 * features laid out in fixed slots: slot s of a user belongs to field `slotField[s]`, holds a global feature or
 * `size` (an empty slot), with weight 1/(values the user has in that field) so multi-valued columns (genres) are
 * mean-pooled by the deep part.
 */
export interface FeatureSpace {
  fields: Field[];
  size: number;
  userWidth: number;
  itemWidth: number;
  /** numUsers × userWidth and numItems × itemWidth, global features (`size` = empty). */
  userSlots: Int32Array;
  itemSlots: Int32Array;
  userSlotWeight: Float32Array;
  itemSlotWeight: Float32Array;
  /** Field index of each slot: user slots first, then item slots. */
  slotField: Int32Array;
  /** The attribute features (no ids) of each user and each item: what crosses pair up. */
  userAttrs: Int32Array[];
  itemAttrs: Int32Array[];
  /** `field=value` of each global feature. */
  names: string[];
  /** Global feature of the dataset's user-feature column k (userFeatures.names[k]). */
  userFeatureIndex: Int32Array;
  /** Global feature of (relation r, entity e) of the dataset's attributes, or undefined. */
  relationFeature(relation: number, entity: number): number | undefined;
}

interface Column {
  field: Omit<Field, 'offset' | 'width'>;
  /** Values of each entity (local value indices). */
  of: number[][];
}

function idColumn(name: string, side: 'user' | 'item', ids: string[]): Column {
  return { field: { name, side, isId: true, values: ids }, of: ids.map((_, k) => [k]) };
}

/** User attribute groups from names like "age:young" (the part before the colon names the group). */
function userColumns(data: Dataset): { cols: Column[]; index: [number, number][] } {
  const f = data.userFeatures;
  if (!f) return { cols: [], index: [] };
  const groups = new Map<string, number>();
  const index: [number, number][] = [];
  const cols: Column[] = [];
  f.names.forEach((name) => {
    const group = name.includes(':') ? name.slice(0, name.indexOf(':')) : 'feature';
    let g = groups.get(group);
    if (g === undefined) {
      g = cols.length;
      groups.set(group, g);
      cols.push({ field: { name: group, side: 'user', isId: false, values: [] }, of: Array.from({ length: data.interactions.numUsers }, () => []) });
    }
    index.push([g, cols[g].field.values.length]);
    cols[g].field.values.push(name.includes(':') ? name.slice(name.indexOf(':') + 1) : name);
  });
  const n = f.names.length;
  for (let u = 0; u < data.interactions.numUsers; u++) {
    for (let k = 0; k < n; k++) if (f.values[u * n + k]) cols[index[k][0]].of[u].push(index[k][1]);
  }
  return { cols, index };
}

/** Genres and each relation of the item attributes as columns; `entityValue[r]` maps an entity to its value index. */
function itemColumns(data: Dataset): { cols: Column[]; entityValue: Map<number, number>[] ; relationCol: number[] } {
  const numItems = data.interactions.numItems;
  const cols: Column[] = [];
  const t = data.genreNames.length;
  if (t > 0) {
    const of = Array.from({ length: numItems }, (_, i) => {
      const g: number[] = [];
      for (let j = 0; j < t; j++) if (data.itemGenres[i * t + j]) g.push(j);
      return g;
    });
    cols.push({ field: { name: 'genre', side: 'item', isId: false, values: [...data.genreNames] }, of });
  }
  const a = data.attributes;
  const entityValue: Map<number, number>[] = [];
  const relationCol: number[] = [];
  if (a) {
    a.relationNames.forEach((name) => {
      relationCol.push(cols.length);
      entityValue.push(new Map());
      cols.push({ field: { name, side: 'item', isId: false, values: [] }, of: Array.from({ length: numItems }, () => []) });
    });
    for (let k = 0; k < a.item.length; k++) {
      const r = a.relation[k];
      const map = entityValue[r];
      const col = cols[relationCol[r]];
      let v = map.get(a.entity[k]);
      if (v === undefined) {
        v = col.field.values.length;
        map.set(a.entity[k], v);
        col.field.values.push(a.entityNames[a.entity[k]]);
      }
      if (a.item[k] < numItems && !col.of[a.item[k]].includes(v)) col.of[a.item[k]].push(v);
    }
  }
  return { cols, entityValue, relationCol };
}

/** Lays out one side's columns in slots (see FeatureSpace). */
function slots(cols: { col: Column; field: Field }[], count: number, empty: number) {
  const width = cols.reduce((s, c) => s + c.field.width, 0);
  const ids = new Int32Array(count * width).fill(empty);
  const weight = new Float32Array(count * width);
  const attrs: Int32Array[] = [];
  for (let e = 0; e < count; e++) {
    let s = e * width;
    const own: number[] = [];
    for (const { col, field } of cols) {
      const vals = col.of[e];
      vals.forEach((v, j) => {
        ids[s + j] = field.offset + v;
        weight[s + j] = 1 / vals.length;
        if (!field.isId) own.push(field.offset + v);
      });
      s += field.width;
    }
    attrs.push(Int32Array.from(own));
  }
  return { width, ids, weight, attrs };
}

/** The feature space of a dataset: user id, user attribute groups, item id, genres, item relations. */
export function buildFeatureSpace(data: Dataset): FeatureSpace {
  const x = data.interactions;
  const user = userColumns(data);
  const item = itemColumns(data);
  const columns = [idColumn('user', 'user', data.userIds), ...user.cols, idColumn('item', 'item', data.itemIds), ...item.cols].filter((c) => c.field.values.length > 0);
  let offset = 0;
  const placed = columns.map((col) => {
    const field: Field = { ...col.field, offset, width: col.of.reduce((m, v) => Math.max(m, v.length), 1) };
    offset += field.values.length;
    return { col, field };
  });
  const size = offset;
  const userSide = placed.filter((p) => p.field.side === 'user');
  const itemSide = placed.filter((p) => p.field.side === 'item');
  const us = slots(userSide, x.numUsers, size);
  const is = slots(itemSide, x.numItems, size);
  const fields = placed.map((p) => p.field);
  const slotField = Int32Array.from([...userSide, ...itemSide].flatMap((p) => Array.from({ length: p.field.width }, () => fields.indexOf(p.field))));
  const names = fields.flatMap((f) => f.values.map((v) => `${f.name}=${v}`));
  const fieldOf = (col: Column) => placed.find((p) => p.col === col)!.field;
  const userFeatureIndex = Int32Array.from(user.index, ([g, v]) => fieldOf(user.cols[g]).offset + v);
  return {
    fields,
    size,
    userWidth: us.width,
    itemWidth: is.width,
    userSlots: us.ids,
    itemSlots: is.ids,
    userSlotWeight: us.weight,
    itemSlotWeight: is.weight,
    slotField,
    userAttrs: us.attrs,
    itemAttrs: is.attrs,
    names,
    userFeatureIndex,
    relationFeature(relation, entity) {
      const v = item.entityValue[relation]?.get(entity);
      return v === undefined ? undefined : fieldOf(item.cols[item.relationCol[relation]]).offset + v;
    },
  };
}
