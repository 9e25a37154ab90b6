// Binary search over a sorted list of numbers: the one shared by the
// suggesters (overlap checks), agreement (unit lengths) and alignment
// (postings near the diagonal).

/** The first index whose value is not below `value` (the list's length when all are below). */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
