// The one place PouchDB is loaded. LevelDB (the `leveldb` adapter, leveldown's
// prebuilt binary from its npm package) keeps main's replica on disk, so what
// the renderer handed over survives a crash of the app before it reaches the
// server; tests may open in-memory databases of the same kind through `open`.
import PouchDB from 'pouchdb';

export type Pouch = PouchDB;
export type PouchDoc = PouchDB.Document;
export type Seq = PouchDB.Sequence;
export type Replication = PouchDB.Replication;
/** Constructor options: `adapter`, and for a server `fetch`, `auth`, `skip_setup`. */
export type PouchOptions = Record<string, unknown>;

export function openPouch(nameOrUrl: string, options: PouchOptions = {}): Pouch {
  return new PouchDB(nameOrUrl, options);
}

/** PouchDB's own fetch (node-fetch with cookies), which the guarded fetch calls once a URL is allowed. */
export const pouchFetch = (url: string, opts?: RequestInit): Promise<Response> => PouchDB.fetch(url, opts);
