// Ids of the records a corpus gathers by the thousand (spans, relations):
// UUIDs of version 7 (RFC 9562), which begin with the time they were made,
// so new ones sort after old ones. Chromium keeps IndexedDB in LevelDB, whose
// tables are sorted by key: random keys (version 4) put every batch's rows all
// over the key space, and each compaction then rewrites the tables below
// (RELIABILITY.md: a million-record import, 23-71 bytes rewritten a byte
// stored). The `uuid` package's v7 is monotonic within a millisecond too.
import { v7 } from 'uuid';

/** A new span or relation id: unique, and after every id this page made before. */
export function newRecordId(): string {
  return v7();
}
