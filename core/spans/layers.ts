// Where each span is drawn when spans overlap. Spans are laid out like
// intervals on a line: sorted by start, longer first, each takes the lowest
// layer free at its start. So an outer span sits closest to the text and the
// shorter spans nested in it stack below it, each still visible.

export interface Interval {
  id: string;
  start: number;
  end: number;
}

/** Reading order: by start, then longer first, then id for a stable tie-break. */
export function compareReading(a: Interval, b: Interval): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function assignLayers(spans: readonly Interval[]): Map<string, number> {
  const layers = new Map<string, number>();
  const layerEnds: number[] = [];
  for (const span of [...spans].sort(compareReading)) {
    let layer = layerEnds.findIndex((end) => end <= span.start);
    if (layer === -1) layer = layerEnds.length;
    layerEnds[layer] = span.end;
    layers.set(span.id, layer);
  }
  return layers;
}
