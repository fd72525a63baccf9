// Release years from MovieLens catalogues, and the decade attribute ("1990s") they give an item: the same
// entity names as the synthetic worlds' DECADES (syntheticNames.ts).

/** Years outside this range are typos or placeholders, not release years. */
export const YEAR_RANGE = { min: 1870, max: 2100 } as const;

function inRange(year: number): number | null {
  return year >= YEAR_RANGE.min && year <= YEAR_RANGE.max ? year : null;
}

/** u.item's release date, e.g. "01-Jan-1995": the year is its last four digits; empty or odd → null. */
export function yearFromReleaseDate(date: string): number | null {
  const m = /(?:^|\D)(\d{4})$/.exec(date.trim());
  return m ? inRange(Number(m[1])) : null;
}

/**
 * movies.csv's title, e.g. "Toy Story (1995)": the year in a trailing "(YYYY)", spaces after it allowed; a
 * title without one, or with a range such as "(2007-2013)", → null.
 */
export function yearFromTitle(title: string): number | null {
  const m = /\((\d{4})\)\s*$/.exec(title);
  return m ? inRange(Number(m[1])) : null;
}

/** The decade entity name of a year: 1995 → "1990s". */
export function decadeName(year: number): string {
  return `${Math.floor(year / 10) * 10}s`;
}
