// Writes a dataset as plain CSV files (interactions and items), byte-identical for the same dataset.
import type { Dataset } from './dataset';
import { userItems } from './dataset';

/** `user,item` rows, users and items as 0-based ids, in user then item order. */
export function interactionsCsv(d: Dataset): string {
  const rows = ['user,item'];
  for (let u = 0; u < d.interactions.numUsers; u++) for (const i of userItems(d.interactions, u)) rows.push(`${u},${i}`);
  return rows.join('\n') + '\n';
}

/** `item,genres` rows with genres joined by `|` (the MovieLens convention). */
export function itemsCsv(d: Dataset): string {
  const g = d.genreNames.length;
  const rows = ['item,genres'];
  for (let i = 0; i < d.interactions.numItems; i++) {
    const names = d.genreNames.filter((_, k) => d.itemGenres[i * g + k]);
    rows.push(`${i},${names.join('|')}`);
  }
  return rows.join('\n') + '\n';
}
