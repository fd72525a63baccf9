// Thins long series for drawing (largest-triangle-three-buckets), keeping the shape and both ends.

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): picks `max` points out of `rows`, keeping the first and
 * last and, in each bucket, the point that spans the largest triangle with its neighbours' picks.
 * `y` reads the value that shapes the line; rows under `max` come back unchanged.
 */
export function downsample<T>(rows: readonly T[], max: number, x: (r: T) => number, y: (r: T) => number): T[] {
  if (rows.length <= max || max < 3) return rows.slice();
  const out: T[] = [rows[0]];
  const every = (rows.length - 2) / (max - 2);
  let a = 0;
  for (let i = 0; i < max - 2; i++) {
    const start = Math.floor(i * every) + 1;
    const end = Math.min(rows.length - 1, Math.floor((i + 1) * every) + 1);
    // Average of the next bucket: the third corner of the triangle.
    const nStart = end;
    const nEnd = Math.min(rows.length, Math.floor((i + 2) * every) + 1);
    let ax = 0;
    let ay = 0;
    for (let j = nStart; j < nEnd; j++) {
      ax += x(rows[j]);
      ay += y(rows[j]);
    }
    const n = Math.max(1, nEnd - nStart);
    ax /= n;
    ay /= n;
    let best = start;
    let bestArea = -1;
    const px = x(rows[a]);
    const py = y(rows[a]);
    for (let j = start; j < end; j++) {
      const area = Math.abs((px - ax) * (y(rows[j]) - py) - (px - x(rows[j])) * (ay - py));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(rows[best]);
    a = best;
  }
  out.push(rows[rows.length - 1]);
  return out;
}
