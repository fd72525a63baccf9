// An optional item-attributes file beside the ratings (item_attributes.tsv / .csv, kg.tsv / .csv): rows of
// item, relation, entity — any knowledge graph about the items — merged into the dataset's attribute triples.
import type { ItemAttributes } from '../dataset';
import { showText } from '../../showText';
import { baseName } from './detectFormat';
export { ATTRIBUTES_FILE_NAMES, isAttributesFileName } from './detectFormat';
import { ImportErrorCode, type IssueLog } from './importErrors';
import { checkWidth, forEachRow, guessDelimiter, Interner, separatorName, textId, type TextFile } from './splitRows';

/** More distinct relations than this is refused: labs give each relation its own column or embedding. */
export const MAX_RELATIONS = 100;

const COLUMNS = ['item id', 'relation', 'entity'];
/** First-row cells (lower case, letters and digits only) that make it a header: the item column's name… */
const ITEM_HEADER = ['item', 'itemid', 'items', 'id', 'movie', 'movieid', 'product', 'productid', 'head', 'subject'];
/** …followed by the relation column's name. */
const RELATION_HEADER = ['relation', 'relationname', 'rel', 'predicate', 'property', 'attribute', 'attributename', 'key', 'type'];

/** The triples as read, before items are matched: entry r came from line `lines[r]`. */
export interface RawTriples {
  file: string;
  items: string[];
  relations: string[];
  entities: string[];
  lines: number[];
  /** Line of the header row, when the first row was one. */
  headerLine: number | null;
}

/** What the attributes file contributed, for the import report. */
export interface AttributesSummary {
  file: string;
  /** Data rows read (header excluded). */
  rowsRead: number;
  /** Distinct triples added from the file (those already given by the format, e.g. a MovieLens decade, not counted). */
  triples: number;
  /** Distinct relations and entities named by the file's kept rows. */
  relations: number;
  entities: number;
  /** Rows skipped because their item is not in the imported data. */
  unknownItems: number;
  /** Rows skipped because they repeat a triple already read (from this file or the format's own attributes). */
  duplicates: number;
  headerSkipped: boolean;
}

/**
 * Reads `item, relation, entity` rows. The separator is guessed among tabs, commas and semicolons (tabs first
 * for .tsv); quotes are CSV quotes except in a tab-separated file, where `"` is an ordinary character. A first row
 * whose first two cells name the columns (item / item_id / movieId … then relation / predicate / attribute …)
 * is a header and skipped. A row of the wrong width, an empty cell or a control character is an error naming
 * the line, as in the ratings files; item ids are matched later. `canonicalIds`: MovieLens ids are whole numbers
 * and "007" is item 7, as in u.data.
 */
export function readItemAttributes(file: TextFile, canonicalIds: boolean, log: IssueLog): RawTriples | null {
  const tsvFirst = /\.tsv$/i.test(file.name);
  const delimiter = guessDelimiter(file.text, tsvFirst ? ['\t', ',', ';'] : [',', '\t', ';']);
  if (delimiter === null) {
    log.error(ImportErrorCode.NoSeparator, file.name, 1, 'found no separator; expected columns item, relation, entity separated by tabs or commas.');
    return null;
  }
  const out: RawTriples = { file: file.name, items: [], relations: [], entities: [], lines: [], headerLine: null };
  const pool = new Interner();
  const relationsSeen = new Set<string>();
  let first = true;
  let tooMany = false;
  const rows = forEachRow(file, delimiter, delimiter !== '\t', log, (row) => {
    const cells = row.fields[0];
    if (first) {
      first = false;
      const key = (s: string | undefined) => (s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
      if (ITEM_HEADER.includes(key(cells[0])) && RELATION_HEADER.includes(key(cells[1]))) {
        out.headerLine = row.lines[0];
        return;
      }
    }
    if (!checkWidth(row, 0, COLUMNS, log)) return;
    const item = textId(row, 0, cells[0], 'item id', log);
    const relation = textId(row, 0, cells[1], 'relation', log);
    const entity = textId(row, 0, cells[2], 'entity', log);
    if (item === null || relation === null || entity === null) return;
    if (!relationsSeen.has(relation)) {
      if (relationsSeen.size >= MAX_RELATIONS) {
        log.error(
          ImportErrorCode.TooManyRelations,
          file.name,
          row.lines[0],
          `relation "${showText(relation)}" is one more than the ${MAX_RELATIONS} different relations an import may name; group the rest into fewer relations.`,
        );
        tooMany = true;
        return false;
      }
      relationsSeen.add(relation);
    }
    out.items.push(pool.get(canonicalIds && /^\d{1,15}$/.test(item) ? String(Number(item)) : item));
    out.relations.push(pool.get(relation));
    out.entities.push(pool.get(entity));
    out.lines.push(row.lines[0]);
  });
  if (tooMany) return null;
  if (rows === 1 && out.headerLine !== null) {
    log.error(ImportErrorCode.HeaderOnly, file.name, out.headerLine, 'the file has a header but no data rows.');
  }
  if (rows === 0) log.error(ImportErrorCode.EmptyFile, file.name, undefined, `the file has no rows (expected item, relation, entity separated by ${separatorName(delimiter)}).`);
  return log.failed ? null : out;
}

/**
 * The format's own attributes (`base`, e.g. MovieLens's decades; may be absent) with the file's triples added.
 * Items are matched by external id (`itemIds`, index = internal item); a row naming an item not in the data is
 * skipped and counted, and so is a row repeating a triple already present. Relation names are unioned (a file
 * relation called "decade" joins MovieLens's), and an entity is its name: the same name under two relations is
 * one entity (one node of the knowledge graph), as the labs' graphs expect. Returns the merged attributes
 * (undefined when there are none) and the counts for the report.
 */
export function mergeItemAttributes(
  base: ItemAttributes | undefined,
  itemIds: readonly string[],
  raw: RawTriples,
): { attributes: ItemAttributes | undefined; summary: AttributesSummary; firstUnknown: { line: number; item: string } | null } {
  const itemIndex = new Map<string, number>();
  itemIds.forEach((id, i) => itemIndex.set(id, i));
  const relationNames = [...(base?.relationNames ?? [])];
  const entityNames = [...(base?.entityNames ?? [])];
  const relationOf = new Map(relationNames.map((n, k) => [n, k]));
  const entityOf = new Map(entityNames.map((n, k) => [n, k]));
  const item = Array.from(base?.item ?? []);
  const relation = Array.from(base?.relation ?? []);
  const entity = Array.from(base?.entity ?? []);
  const seen = new Set<string>();
  for (let k = 0; k < item.length; k++) seen.add(`${item[k]} ${relation[k]} ${entity[k]}`);
  const fileRelations = new Set<number>();
  const fileEntities = new Set<number>();
  let unknownItems = 0;
  let duplicates = 0;
  let triples = 0;
  let firstUnknown: { line: number; item: string } | null = null;
  for (let r = 0; r < raw.items.length; r++) {
    const i = itemIndex.get(raw.items[r]);
    if (i === undefined) {
      unknownItems++;
      firstUnknown ??= { line: raw.lines[r], item: raw.items[r] };
      continue;
    }
    let rel = relationOf.get(raw.relations[r]);
    if (rel === undefined) {
      rel = relationNames.length;
      relationNames.push(raw.relations[r]);
      relationOf.set(raw.relations[r], rel);
    }
    let ent = entityOf.get(raw.entities[r]);
    if (ent === undefined) {
      ent = entityNames.length;
      entityNames.push(raw.entities[r]);
      entityOf.set(raw.entities[r], ent);
    }
    const key = `${i} ${rel} ${ent}`;
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    item.push(i);
    relation.push(rel);
    entity.push(ent);
    fileRelations.add(rel);
    fileEntities.add(ent);
    triples++;
  }
  // A relation or entity is only added for a row that is kept or repeats a kept triple, so every name is used.
  const attributes: ItemAttributes | undefined =
    item.length === 0
      ? undefined
      : { relationNames, entityNames, item: Int32Array.from(item), relation: Int32Array.from(relation), entity: Int32Array.from(entity) };
  const summary: AttributesSummary = {
    file: raw.file,
    rowsRead: raw.items.length,
    triples,
    relations: fileRelations.size,
    entities: fileEntities.size,
    unknownItems,
    duplicates,
    headerSkipped: raw.headerLine !== null,
  };
  return { attributes, summary, firstUnknown };
}

/** "item_attributes.tsv: 12 triples (2 relations, 9 entities)" — the report's line for the CLI and the Data panel. */
export function describeAttributes(s: AttributesSummary): string {
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  return `${baseName(s.file)}: ${plural(s.triples, 'item attribute triple', 'item attribute triples')} read (${plural(s.relations, 'relation', 'relations')}, ${plural(s.entities, 'entity', 'entities')})`;
}
