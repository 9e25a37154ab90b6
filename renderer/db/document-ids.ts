// Ids for documents whose source gave none, in the order they are stored.
//
// Why not the text's hash (the id such documents had before): IndexedDB in
// Chromium is LevelDB, which keeps keys sorted. With keys spread evenly over
// the key space (a hash), every batch lands among all the rows before it:
// each put's look-up of its key and each compaction touch tables all over
// the database, and the cost of a batch grows with the database. In the same
// Chromium, 50,000 records at a time took 37, 45, 78, 133 s with hash keys
// and 35, 35, 39, 40 s with keys in insertion order (RELIABILITY.md, the
// million-record import). The documents table, the texts, the signatures and
// every index that ends in the document's key gain from it. What says "the
// same text" across machines is the text's sha256, which every export carries
// in its meta and which sync and deduplication go by.

/** Microseconds on the wall clock; `performance` gives the fraction a millisecond lacks. */
function nowMicros(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

/** Microseconds since 1970 fit in 11 base-36 digits for four thousand years; a fixed width keeps string order numeric. */
const WIDTH = 11;

let last = 0;

/**
 * The next document id: `d` and the time in microseconds in base 36, always after the last one issued by
 * this page (two in one microsecond count on). Another window issues its own; a collision with a stored id
 * is caught where documents are stored (storeDocuments takes the next free candidate, as for any id).
 */
export function nextDocumentId(now = nowMicros()): string {
  last = Math.max(now, last + 1);
  return `d${last.toString(36).padStart(WIDTH, '0')}`;
}
