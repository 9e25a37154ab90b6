// The records the workbench keeps in a CouchDB database, one kind per idea,
// each under an id built from what it is, so two annotators never write the
// same record: a document's text is shared (and never changes), while a span,
// a relation and a document's state belong to one annotator and carry that
// annotator in their id. Offsets are code points, as in every file the app
// writes, so the records read the same from Python.
import { LIMITS, TIME_MAX } from '../limits';
import { DOC_STATUSES } from '../model';
import { integer, name, text, v, type Infer } from '../shape';

/** The name an annotator writes under; kept short because it is part of ids. */
export const ANNOTATOR_MAX = 200;
const SHA256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'not a sha256 in hex'));
/** Span and relation ids are the app's own (UUIDs); nothing in them may break an id apart. */
const LOCAL_ID = v.pipe(name(LIMITS.id), v.regex(/^[^:\s]+$/, 'holds a colon or a space'));
const time = v.pipe(v.number(), v.minValue(-TIME_MAX), v.maxValue(TIME_MAX));
const offset = integer(0, LIMITS.text);

// `v.object` (not strict): a newer app may add fields; they are dropped, never an error.
export const DocumentRecordSchema = v.object({
  type: v.literal('document'),
  sha256: SHA256,
  name: name(LIMITS.name),
  source: text(LIMITS.source),
  text: text(LIMITS.text),
});

export const StateRecordSchema = v.object({
  type: v.literal('state'),
  sha256: SHA256,
  annotator: name(ANNOTATOR_MAX),
  status: v.picklist(DOC_STATUSES),
  categories: v.optional(v.array(name(LIMITS.label))),
  updatedAt: time,
});

export const SpanRecordSchema = v.object({
  type: v.literal('span'),
  sha256: SHA256,
  annotator: name(ANNOTATOR_MAX),
  spanId: LOCAL_ID,
  /** Code points. */
  start: offset,
  end: offset,
  label: name(LIMITS.label),
  text: text(LIMITS.text),
  note: text(LIMITS.note),
  projected: v.optional(v.boolean()),
  createdAt: time,
  updatedAt: time,
});

export const RelationRecordSchema = v.object({
  type: v.literal('relation'),
  sha256: SHA256,
  annotator: name(ANNOTATOR_MAX),
  relationId: LOCAL_ID,
  head: LOCAL_ID,
  child: LOCAL_ID,
  label: name(LIMITS.label),
  createdAt: time,
  updatedAt: time,
});

export const LabelRecordSchema = v.object({
  type: v.literal('label'),
  name: name(LIMITS.label),
  color: text(64),
  key: text(8),
  order: integer(0, 1_000_000),
});

export const SyncRecordSchema = v.variant('type', [
  DocumentRecordSchema,
  StateRecordSchema,
  SpanRecordSchema,
  RelationRecordSchema,
  LabelRecordSchema,
]);

export type DocumentSyncRecord = Infer<typeof DocumentRecordSchema>;
export type StateSyncRecord = Infer<typeof StateRecordSchema>;
export type SpanSyncRecord = Infer<typeof SpanRecordSchema>;
export type RelationSyncRecord = Infer<typeof RelationRecordSchema>;
export type LabelSyncRecord = Infer<typeof LabelRecordSchema>;
/** One record as the app and the bridge see it: no CouchDB fields. */
export type SyncRecord = Infer<typeof SyncRecordSchema>;
export type SyncRecordType = SyncRecord['type'];

// Names go into ids percent-encoded, so `:` in an annotator's or a label's name can never make two ids alike.
const part = (s: string) => encodeURIComponent(s);

/** Ids by kind, for callers that know the parts but hold no record (a removal). */
export const couchId = {
  document: (sha256: string) => `doc:${sha256}`,
  state: (sha256: string, annotator: string) => `state:${sha256}:${part(annotator)}`,
  span: (sha256: string, annotator: string, spanId: string) => `span:${sha256}:${part(annotator)}:${spanId}`,
  relation: (sha256: string, annotator: string, relationId: string) =>
    `relation:${sha256}:${part(annotator)}:${relationId}`,
  label: (name: string) => `label:${part(name)}`,
};

/** The CouchDB id of a record: what it is, whose it is, and nothing else. */
export function recordId(record: SyncRecord): string {
  switch (record.type) {
    case 'document':
      return couchId.document(record.sha256);
    case 'state':
      return couchId.state(record.sha256, record.annotator);
    case 'span':
      return couchId.span(record.sha256, record.annotator, record.spanId);
    case 'relation':
      return couchId.relation(record.sha256, record.annotator, record.relationId);
    case 'label':
      return couchId.label(record.name);
  }
}

/** The annotator who alone writes the record with this id; undefined for shared records (documents, labels). */
export function ownerOfId(id: string): string | undefined {
  const m = /^(?:state|span|relation):[0-9a-f]{64}:([^:]+)/.exec(id);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

/** Ids a removal may name: a span, relation or label (documents and states are never removed). */
export const REMOVABLE_ID = /^(?:span:[0-9a-f]{64}:[^:]+:[^:\s]+|relation:[0-9a-f]{64}:[^:]+:[^:\s]+|label:[^:]+)$/;
