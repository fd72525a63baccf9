// Human-readable names for synthetic worlds: genres, titles, creators, decades and user feature groups.
import type { Rng } from '../random/rng';

/** Genre names in MovieLens style (the first `numGenres` are used; more are called "Genre 19", …). */
export const GENRE_NAMES = [
  'Drama', 'Comedy', 'Action', 'Thriller', 'Romance', 'Sci-Fi', 'Horror', 'Documentary', 'Animation',
  'Adventure', 'Crime', 'Fantasy', 'Musical', 'Mystery', 'Western', 'War', 'Children', 'Film-Noir',
];

export function genreNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => GENRE_NAMES[i] ?? `Genre ${i + 1}`);
}

/** The decades an item can come from, oldest first, with how common each is among items. */
export const DECADES = ['1950s', '1960s', '1970s', '1980s', '1990s', '2000s', '2010s', '2020s'];
export const DECADE_WEIGHTS = [1, 1, 2, 3, 4, 5, 6, 4];

/** User feature groups: every user has exactly one value per group (one-hot per group, multi-hot overall). */
export const USER_FEATURE_GROUPS = [
  { group: 'age', values: ['young', 'adult', 'senior'], weights: [3, 5, 2] },
  { group: 'region', values: ['north', 'south', 'east', 'west'], weights: [1, 1, 1, 1] },
] as const;

/** "age:young", "age:adult", … in group order: the column names of `Dataset.userFeatures`. */
export function userFeatureNames(): string[] {
  return USER_FEATURE_GROUPS.flatMap((g) => g.values.map((v) => `${g.group}:${v}`));
}

const ADJECTIVES = [
  'Silent', 'Crimson', 'Distant', 'Golden', 'Broken', 'Hidden', 'Electric', 'Last', 'Midnight', 'Frozen',
  'Wild', 'Quiet', 'Burning', 'Paper', 'Glass', 'Iron', 'Velvet', 'Lonely', 'Secret', 'Endless',
  'Falling', 'Northern', 'Little', 'Savage', 'Gentle', 'Hollow', 'Bright', 'Restless', 'Stolen', 'Lucky',
  'Summer', 'Winter', 'Painted', 'Shadow', 'Rising', 'Open', 'Second', 'Sleeping', 'Neon', 'Salt',
];
const NOUNS = [
  'Harbor', 'River', 'Garden', 'Empire', 'Signal', 'Letters', 'Station', 'Horizon', 'Kingdom', 'Promise',
  'Orchard', 'Machine', 'Voyage', 'Island', 'Mirror', 'Country', 'Lantern', 'Season', 'Frontier', 'Echo',
  'Witness', 'Carnival', 'Bridge', 'Storm', 'Avenue', 'Planet', 'Hours', 'Crown', 'Desert', 'Secrets',
  'Canyon', 'Tide', 'Parade', 'Engine', 'Meadow', 'Detective', 'Dancer', 'Valley', 'Compass', 'Fortune',
  'Streets', 'Winds', 'Castle', 'Circus', 'Sparrow', 'Heart', 'Road', 'Night', 'Ocean', 'Tower',
];
const FIRST = [
  'Ada', 'Bruno', 'Chiara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemal', 'Lena',
  'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sami', 'Tova', 'Umar', 'Vera', 'Wen', 'Yusuf',
];
const LAST = [
  'Moreno', 'Lindqvist', 'Okafor', 'Tanaka', 'Varga', 'Duarte', 'Keller', 'Novak', 'Rossi', 'Haddad',
  'Brennan', 'Sato', 'Ivanova', 'Mendes', 'Kowalski', 'Nguyen', 'Fischer', 'Achebe', 'Larsen', 'Petrov',
];

/**
 * `n` distinct two-word names from the product of two word lists, in a seeded order; past the product's size a
 * roman-ish suffix (" II", " III", …) keeps them distinct.
 */
function distinctPairs(rng: Rng, n: number, first: readonly string[], second: readonly string[]): string[] {
  const m = first.length * second.length;
  const order = rng.shuffle(Int32Array.from({ length: m }, (_, i) => i));
  return Array.from({ length: n }, (_, i) => {
    const k = order[i % m];
    const round = Math.floor(i / m);
    const base = `${first[Math.floor(k / second.length)]} ${second[k % second.length]}`;
    return round === 0 ? base : `${base} ${'I'.repeat(round + 1)}`;
  });
}

/** Item titles such as "Silent Harbor": distinct, seeded. */
export function itemTitles(rng: Rng, n: number): string[] {
  return distinctPairs(rng, n, ADJECTIVES, NOUNS);
}

/** Creator names such as "Ada Moreno": distinct, seeded. */
export function creatorNames(rng: Rng, n: number): string[] {
  return distinctPairs(rng, n, FIRST, LAST);
}
