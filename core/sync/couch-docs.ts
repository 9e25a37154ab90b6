// From a record to the CouchDB document that holds it, and back. What comes
// back from a server is checked before anything uses it: a document of the
// wrong shape, or one whose id does not match what it says it is (a span
// filed under another annotator's id), is a problem with its id and the
// reason, never an exception and never stored.
import { checkShape } from '../shape';
import { recordId, SyncRecordSchema, type SyncRecord, type SyncRecordType } from './couch-records';

/** CouchDB's own fields on a document as PouchDB hands it out. */
export interface CouchMeta {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
}

export type CouchDoc = CouchMeta & Partial<SyncRecord>;

/** What one CouchDB document means to the app. */
export type RemoteChange =
  | { kind: 'record'; id: string; rev?: string; record: SyncRecord }
  | { kind: 'removed'; id: string; rev?: string; what: ParsedId };

export interface RemoteProblem {
  id: string;
  message: string;
}

export type Decoded = { ok: true; change: RemoteChange } | { ok: false; problem: RemoteProblem };

export function toCouchDoc(record: SyncRecord, rev?: string): CouchDoc {
  return { _id: recordId(record), ...(rev ? { _rev: rev } : {}), ...record };
}

/** What an id names, read back from the id alone (all a deletion leaves). */
export interface ParsedId {
  type: SyncRecordType;
  sha256?: string;
  annotator?: string;
  /** The span's or relation's own id, or the label's name. */
  key?: string;
}

const decode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

export function parseId(id: string): ParsedId | undefined {
  let m = /^doc:([0-9a-f]{64})$/.exec(id);
  if (m) return { type: 'document', sha256: m[1] };
  m = /^state:([0-9a-f]{64}):([^:]+)$/.exec(id);
  if (m) return decode(m[2]) === undefined ? undefined : { type: 'state', sha256: m[1], annotator: decode(m[2]) };
  m = /^(span|relation):([0-9a-f]{64}):([^:]+):([^:\s]+)$/.exec(id);
  if (m) {
    const annotator = decode(m[3]);
    return annotator === undefined ? undefined : { type: m[1] as 'span', sha256: m[2], annotator, key: m[4] };
  }
  m = /^label:([^:]+)$/.exec(id);
  if (m) return decode(m[1]) === undefined ? undefined : { type: 'label', key: decode(m[1]) };
  return undefined;
}

/** The record a CouchDB document holds, checked; design and local documents are not ours and are skipped (null). */
export function fromCouchDoc(doc: unknown): Decoded | null {
  if (typeof doc !== 'object' || doc === null) return { ok: false, problem: { id: '?', message: 'not an object' } };
  const meta = doc as CouchMeta;
  if (typeof meta._id !== 'string') return { ok: false, problem: { id: '?', message: 'no _id' } };
  const id = meta._id;
  if (id.startsWith('_design/') || id.startsWith('_local/')) return null;
  const rev = typeof meta._rev === 'string' ? meta._rev : undefined;
  if (meta._deleted === true) {
    const what = parseId(id);
    if (!what) return { ok: false, problem: { id, message: 'a deleted document whose id is none of the workbench’s' } };
    return { ok: true, change: { kind: 'removed', id, rev, what } };
  }
  const body = Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));
  const checked = checkShape(SyncRecordSchema, body);
  if (!checked.ok) return { ok: false, problem: { id, message: `not a workbench record: ${checked.message}` } };
  const record = checked.value;
  if (recordId(record) !== id)
    return { ok: false, problem: { id, message: `its fields belong under the id ${recordId(record)}` } };
  if ((record.type === 'span' && record.end < record.start) || (record.type === 'span' && record.spanId === ''))
    return { ok: false, problem: { id, message: `span ends (${record.end}) before it starts (${record.start})` } };
  return { ok: true, change: { kind: 'record', id, rev, record } };
}

/** A canonical form of a record's content (keys sorted), so equal content compares equal whatever the key order. */
export function contentKey(record: SyncRecord | Partial<SyncRecord>): string {
  const body = Object.entries(record)
    .filter(([k, value]) => !k.startsWith('_') && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(body);
}
