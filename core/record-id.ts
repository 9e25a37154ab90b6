// Ids of the records a corpus gathers by the thousand (spans, relations):
// UUIDs of version 7 (RFC 9562), which begin with the time they were made,
// so new ones sort after old ones. Chromium keeps IndexedDB in LevelDB, whose
// tables are sorted by key: random keys (version 4) put every batch's rows
// among all the rows before it, and the cost of a batch grows with the
// database (RELIABILITY.md, the million-record import; document-ids.ts). The
// `uuid` package's v7 is monotonic within a millisecond too.
import { v7 } from 'uuid';

/** A new span or relation id: unique, and after every id this page made before. */
export function newRecordId(): string {
  return v7();
}
