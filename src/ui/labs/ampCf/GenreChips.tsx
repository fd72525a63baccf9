// Genre tags of an item, each in its genre's hue (the same hue on every card, row and bar of the panel).
import { hueStyle } from './palette';

export type GenreIndex = ReadonlyMap<string, number>;

export function GenreChips({ genres, index }: { genres: readonly string[]; index: GenreIndex }) {
  if (!genres.length) return <span className="ampcf-chip ampcf-chip-none">no genre</span>;
  return (
    <span className="ampcf-chips">
      {genres.map((g) => (
        <span key={g} className="ampcf-chip" style={hueStyle(index.get(g) ?? 0)}>
          {g}
        </span>
      ))}
    </span>
  );
}

/** Genres with their shares, largest first, e.g. "Drama 52% · Thriller 31%" (shares under `min` left out). */
export function shareList(names: readonly string[], shares: readonly number[], min = 0.005): { g: number; name: string; share: number }[] {
  return shares
    .map((share, g) => ({ g, name: names[g] ?? `genre ${g}`, share }))
    .filter((x) => x.share >= min)
    .sort((a, b) => b.share - a.share || a.g - b.g);
}
