// Ids for documents whose source gave none, in the order they are stored.
//
// Why not the text's hash (the id such documents had before): IndexedDB in
// Chromium is LevelDB, which keeps keys sorted and merges new tables into the
// levels below. Keys spread evenly over the key space (a hash) make every new
// table overlap every table of the next level, so each compaction rewrites
// them all: a million-record import slowed from 17 to 2.6 MB of JSONL a
// minute, with 23-71 bytes rewritten per byte stored. Keys in insertion order
// land after the keys before them and are moved down without a rewrite
// (measured in RELIABILITY.md). The documents table, the texts, the
// signatures and every index that ends in the document's key gain from it.
// What says "the same text" across machines is the text's sha256, which every
// export carries in its meta and which sync and deduplication go by.

/** Microseconds on the wall clock; `performance` gives the fraction a millisecond lacks. */
function nowMicros(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

/** 11 base-36 digits hold microseconds until the year 2084; a fixed width keeps string order numeric order. */
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
