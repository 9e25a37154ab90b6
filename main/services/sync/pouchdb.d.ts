// The part of PouchDB's API the sync service uses, typed here: @types/pouchdb
// (written for PouchDB 6) drags in typings that break the project's Buffer types.
declare module 'pouchdb' {
  type Doc = Record<string, unknown> & { _id: string; _rev?: string; _deleted?: boolean; _conflicts?: string[] };
  type Seq = number | string;

  interface ChangesResult {
    results: Array<{ id: string; seq: Seq; deleted?: boolean; doc?: Doc; changes: Array<{ rev: string }> }>;
    last_seq: Seq;
  }

  interface AllDocsRow {
    id?: string;
    key: string;
    value?: { rev: string; deleted?: boolean };
    doc?: Doc | null;
    error?: string;
  }

  interface Emitter {
    on(event: string, listener: (...args: never[]) => void): this;
    cancel(): void;
  }

  class PouchDB {
    constructor(name: string, options?: Record<string, unknown>);
    static fetch(url: string, opts?: RequestInit): Promise<Response>;
    static plugin(plugin: unknown): typeof PouchDB;
    allDocs(options: {
      keys?: string[];
      include_docs?: boolean;
      startkey?: string;
      endkey?: string;
      limit?: number;
    }): Promise<{ rows: AllDocsRow[]; total_rows: number }>;
    bulkDocs(
      docs: Doc[],
      options?: { new_edits?: boolean },
    ): Promise<Array<{ ok?: boolean; id?: string; rev?: string; error?: boolean | string; status?: number }>>;
    changes(options: {
      since?: Seq;
      limit?: number;
      include_docs?: boolean;
      conflicts?: boolean;
      style?: 'main_only' | 'all_docs';
      return_docs?: boolean;
    }): Promise<ChangesResult>;
    get(id: string, options?: { rev?: string; conflicts?: boolean; revs?: boolean }): Promise<Doc>;
    put(doc: Doc): Promise<{ ok: boolean; id: string; rev: string }>;
    info(): Promise<{ doc_count: number; update_seq: Seq; db_name: string }>;
    close(): Promise<void>;
    destroy(): Promise<void>;
    replicate: {
      to(remote: PouchDB | string, options?: Record<string, unknown>): PouchDB.Replication;
      from(remote: PouchDB | string, options?: Record<string, unknown>): PouchDB.Replication;
    };
  }

  namespace PouchDB {
    export type Document = Doc;
    export type Sequence = Seq;
    /** One replication (`replicate.to` / `replicate.from`): its events, and a promise of its end. */
    export type Replication = Emitter & Promise<unknown>;
  }

  export default PouchDB;
}
