// Longest common subsequence of two key sequences. Sentences are short (tens
// of words, capped by segmentation), so the plain O(n·m) table is cheap; a row pair keeps
// the length pass allocation-light, and the full table is only built when the
// matched positions are needed (projection, which works on one pair).

// Row buffers reused across calls: alignment scores thousands of pairs, and
// fresh arrays per call showed up as garbage-collection time.
let rowA = new Uint32Array(256);
let rowB = new Uint32Array(256);

/** LCS length of a[a0..a1) and b[b0..b1) without making views: the alignment's hot path. */
export function lcsLengthRange(a: Int32Array, a0: number, a1: number, b: Int32Array, b0: number, b1: number): number {
  const n = b1 - b0;
  if (rowA.length <= n) {
    rowA = new Uint32Array(2 * n + 2);
    rowB = new Uint32Array(2 * n + 2);
  }
  let prev = rowA.fill(0, 0, n + 1);
  let cur = rowB.fill(0, 0, n + 1);
  for (let i = a0; i < a1; i++) {
    const x = a[i];
    for (let j = 1; j <= n; j++) {
      cur[j] = x === b[b0 + j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/** Matched index pairs [i, j] of one LCS, in increasing order. */
export function lcsMatches(a: readonly string[], b: readonly string[]): Array<readonly [number, number]> {
  const table = lcsTable(a, b);
  const width = b.length + 1;
  const matches: Array<readonly [number, number]> = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      matches.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (table[(i - 1) * width + j] >= table[i * width + j - 1]) i--;
    else j--;
  }
  return matches.reverse();
}

function lcsTable(a: readonly string[], b: readonly string[]): Uint32Array {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const k = i * width + j;
      table[k] = a[i - 1] === b[j - 1] ? table[k - width - 1] + 1 : Math.max(table[k - width], table[k - 1]);
    }
  }
  return table;
}

/** Dice coefficient from an LCS length: 1 for identical sequences. */
export function diceScore(common: number, lengthA: number, lengthB: number): number {
  return lengthA + lengthB === 0 ? 0 : (2 * common) / (lengthA + lengthB);
}
