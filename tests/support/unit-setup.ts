// Dexie needs IndexedDB: in Node the unit tests use fake-indexeddb.
import 'fake-indexeddb/auto';
