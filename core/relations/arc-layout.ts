// Where the arcs of relations go, brat style: each arc runs above the text
// from its head to its child at a level (a height step); an arc that spans
// another on its row goes above it, and two that cross never share a level.
// Shorter arcs are placed first so they stay low and near their words.
// An arc whose ends sit on different rows is drawn as two halves, as brat
// does: from the head to the edge of its row, and from the edge of the
// child's row to the child. Pure: x and row come from the view, in pixels.

/** One end of an arc on screen: which visual row it sits on, and its x. */
export interface ArcEnd {
  row: number;
  x: number;
}

export interface ArcInput {
  id: string;
  head: ArcEnd;
  child: ArcEnd;
}

/** A horizontal piece of an arc on one row; `from`/`to` ordered left to right. */
export interface ArcSegment {
  id: string;
  row: number;
  from: number;
  to: number;
  /** Which ends of the segment come down to a span (a half-arc's other end runs off the row's edge). */
  headAt?: number;
  childAt?: number;
  level: number;
}

export interface RowBounds {
  left: number;
  right: number;
}

/** The segments of each arc: one on a shared row, two (head half, child half) across rows. */
export function splitArcs(arcs: readonly ArcInput[], bounds: RowBounds): Omit<ArcSegment, 'level'>[] {
  const out: Omit<ArcSegment, 'level'>[] = [];
  for (const arc of arcs) {
    const { head, child } = arc;
    if (head.row === child.row) {
      out.push({
        id: arc.id,
        row: head.row,
        from: Math.min(head.x, child.x),
        to: Math.max(head.x, child.x),
        headAt: head.x,
        childAt: child.x,
      });
      continue;
    }
    // Reading order: the earlier end's half runs right to the row's end, the later end's half comes in from the left.
    const headFirst = head.row < child.row;
    const headHalf = headFirst ? { from: head.x, to: bounds.right } : { from: bounds.left, to: head.x };
    const childHalf = headFirst ? { from: bounds.left, to: child.x } : { from: child.x, to: bounds.right };
    out.push({ id: arc.id, row: head.row, ...headHalf, headAt: head.x });
    out.push({ id: arc.id, row: child.row, ...childHalf, childAt: child.x });
  }
  return out;
}

const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) => a.from <= b.to && b.from <= a.to;

/**
 * Levels (1, 2, ...) for segments, row by row: a segment goes one level above
 * every placed segment it contains, and on the lowest level from there that no
 * overlapping placed segment uses. Quadratic within a row only, and a row holds
 * few arcs; a 1,000-arc document lays out in well under a millisecond a row.
 */
export function assignLevels(segments: readonly Omit<ArcSegment, 'level'>[]): ArcSegment[] {
  const byRow = new Map<number, number[]>();
  segments.forEach((s, i) => {
    const list = byRow.get(s.row);
    if (list) list.push(i);
    else byRow.set(s.row, [i]);
  });
  const levels = new Array<number>(segments.length).fill(1);
  for (const indexes of byRow.values()) {
    const order = [...indexes].sort(
      (a, b) =>
        segments[a].to - segments[a].from - (segments[b].to - segments[b].from) || segments[a].from - segments[b].from,
    );
    const placed: number[] = [];
    for (const i of order) {
      const seg = segments[i];
      let floor = 1;
      const used = new Set<number>();
      for (const j of placed) {
        const other = segments[j];
        if (!overlaps(seg, other)) continue;
        used.add(levels[j]);
        if (other.from >= seg.from && other.to <= seg.to) floor = Math.max(floor, levels[j] + 1);
      }
      let level = floor;
      while (used.has(level)) level++;
      levels[i] = level;
      placed.push(i);
    }
  }
  return segments.map((s, i) => ({ ...s, level: levels[i] }));
}

/** The whole layout: arcs split at row ends, then levelled. */
export function layoutArcs(arcs: readonly ArcInput[], bounds: RowBounds): ArcSegment[] {
  return assignLevels(splitArcs(arcs, bounds));
}

/** Highest level on each row: how much room the row needs above its text. */
export function rowHeights(segments: readonly ArcSegment[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of segments) out.set(s.row, Math.max(out.get(s.row) ?? 0, s.level));
  return out;
}
