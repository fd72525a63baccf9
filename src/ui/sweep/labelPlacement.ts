// Where each point's label goes on a scatter so that no two labels overlap and no label covers a point: a greedy
// placement in pixels, most important points first; a label with no free spot is left off (the hover names it).

export interface LabelledPoint {
  /** Pixel position of the point in the plot area (0, 0 top left). */
  px: number;
  py: number;
  text: string;
  /** Lower is placed first (e.g. front and rare families before the many hand-weight points). */
  priority: number;
}

/** A label's offset from its point and its text anchor; null where it is left off. */
export type Placement = { dx: number; dy: number; anchor: 'start' | 'middle' | 'end' } | null;

export interface PlacementOptions {
  width: number;
  height: number;
  /** Approximate glyph width and line height of the label font, px. */
  charWidth?: number;
  lineHeight?: number;
  /** Radius kept clear around every point, px. */
  pointRadius?: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The candidate spots around a point, in order of preference: above, below, right, left, then the diagonals. */
function candidates(gap: number, lh: number): { dx: number; dy: number; anchor: 'start' | 'middle' | 'end' }[] {
  return [
    { dx: 0, dy: -gap, anchor: 'middle' },
    { dx: 0, dy: gap + lh - 2, anchor: 'middle' },
    { dx: gap, dy: lh / 2 - 2, anchor: 'start' },
    { dx: -gap, dy: lh / 2 - 2, anchor: 'end' },
    { dx: gap - 2, dy: -gap + 2, anchor: 'start' },
    { dx: -gap + 2, dy: -gap + 2, anchor: 'end' },
    { dx: gap - 2, dy: gap + lh - 4, anchor: 'start' },
    { dx: -gap + 2, dy: gap + lh - 4, anchor: 'end' },
  ];
}

/** The box a label's text takes at an offset (dy is the text baseline). */
function boxOf(p: LabelledPoint, c: { dx: number; dy: number; anchor: 'start' | 'middle' | 'end' }, cw: number, lh: number): Box {
  const w = p.text.length * cw;
  const x = p.px + c.dx;
  const x0 = c.anchor === 'start' ? x : c.anchor === 'end' ? x - w : x - w / 2;
  const base = p.py + c.dy;
  return { x0, y0: base - lh + 2, x1: x0 + w, y1: base + 2 };
}

/**
 * Places every label (in `priority` order, ties by input order): the first candidate spot that stays inside the
 * plot, overlaps no placed label and covers no point is taken. Returns one placement per input point, in input order.
 */
export function placeLabels(points: readonly LabelledPoint[], opts: PlacementOptions): Placement[] {
  const cw = opts.charWidth ?? 5.6;
  const lh = opts.lineHeight ?? 11;
  const r = opts.pointRadius ?? 6;
  const marks: Box[] = points.map((p) => ({ x0: p.px - r, y0: p.py - r, x1: p.px + r, y1: p.py + r }));
  const placed: Box[] = [];
  const out: Placement[] = points.map(() => null);
  const order = points.map((_, i) => i).sort((a, b) => points[a].priority - points[b].priority || a - b);
  for (const i of order) {
    const p = points[i];
    if (!p.text) continue;
    for (const c of candidates(r + 3, lh)) {
      const b = boxOf(p, c, cw, lh);
      if (b.x0 < 0 || b.y0 < 0 || b.x1 > opts.width || b.y1 > opts.height) continue;
      if (placed.some((q) => overlaps(b, q)) || marks.some((m) => overlaps(b, m))) continue;
      placed.push(b);
      out[i] = c;
      break;
    }
  }
  return out;
}
