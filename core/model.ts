// The data the whole app speaks: documents read from disk, spans over their
// text, labels and the status of a document. Offsets here are always UTF-16
// code units of `text` (JavaScript string indices); conversion to Python's
// code points happens only at the export/import boundary (core/codepoints.ts).

/** A document as the main process reads it from disk. */
export interface CorpusDocument {
  /**
   * The source's own id; without one, the first 16 hex digits of sha256 until the document is stored,
   * where it is given the next id in insertion order (`idFromText`; renderer/db/document-ids.ts says why).
   */
  id: string;
  /** No id came with the document: `id` is its text's hash prefix, a stand-in the store replaces. */
  idFromText?: true;
  /** File name (or the record's own name for JSONL). */
  name: string;
  /** The exact text: never normalised, CRLF, tabs and trailing spaces kept. */
  text: string;
  /** sha256 of `text` as UTF-8, hex. Documents are deduplicated by it. */
  sha256: string;
  /** Where it came from: a file path, or `path:line` for a JSONL record. */
  source: string;
}

export const DOC_STATUSES = ['todo', 'in_progress', 'done'] as const;
export type DocStatus = (typeof DOC_STATUSES)[number];

/** A span as imported alongside a document (offsets in UTF-16 units). */
export interface SpanDraft {
  start: number;
  end: number;
  label: string;
  note?: string;
  /** Who made it, when the source says (Prodigy's `_annotator_id`, doccano's `user`, a span's `annotator`). */
  annotator?: string;
}

/** A relation as imported alongside a document: its ends are indexes into the record's `spans`. */
export interface RelationDraft {
  head: number;
  child: number;
  label: string;
}

/** A suggested span as imported (Label Studio `predictions`, a rejected Prodigy answer). */
export interface SuggestionDraft extends SpanDraft {
  /** Which suggester (or which tool) proposed it. */
  source: string;
  /** 0..1 where the source gives one. */
  score?: number;
  /** Already rejected by a person: remembered as a negative example, never shown again. */
  rejected?: boolean;
}

/**
 * A document's metadata as stored in IndexedDB. The text lives in its own
 * table (TextRecord) so that listing 100,000 documents never loads their texts.
 */
export interface DocumentRecord {
  id: string;
  name: string;
  sha256: string;
  source: string;
  /** First non-empty line, shortened: what the document list shows. */
  preview: string;
  /** Length of the text in UTF-16 units. */
  length: number;
  status: DocStatus;
  /** Number of spans, kept current so the list never counts. */
  spanCount: number;
  /** Document-level labels (Prodigy textcat, spaCy `cats`, doccano classification). Absent: none. */
  categories?: string[];
  addedAt: number;
  updatedAt: number;
}

export interface TextRecord {
  id: string;
  text: string;
}

/** A span as stored: offsets plus the quoted text, kept for checking. */
export interface Span {
  id: string;
  docId: string;
  start: number;
  end: number;
  label: string;
  /** text.slice(start, end) when the span was made. */
  text: string;
  note: string;
  /** Set while a span projected from another document awaits acceptance. */
  projected?: boolean;
  /**
   * Bumped by every change; a write whose `before` carries another version
   * than the stored row is stale (a second window changed the span meanwhile).
   * Absent on rows written before schema version 4: read as 0.
   */
  version?: number;
  /** Who made the span. Absent on rows written before annotators existed: the local annotator's. */
  annotator?: string;
  createdAt: number;
  updatedAt: number;
}

/** A directed, labelled link between two spans of one document (head -> child), by span id. */
export interface Relation {
  id: string;
  docId: string;
  head: string;
  child: string;
  label: string;
  annotator?: string;
  version?: number;
  createdAt: number;
  updatedAt: number;
}

/** A relation label; `heads`/`children` list the span labels it may connect (absent: any). */
export interface RelationLabel {
  name: string;
  color: string;
  key: string;
  order: number;
  heads?: string[];
  children?: string[];
}

/** A suggested span, kept apart from annotations until a person accepts it. */
export interface Suggestion {
  id: string;
  docId: string;
  start: number;
  end: number;
  label: string;
  text: string;
  source: string;
  score: number;
  createdAt: number;
  /**
   * Set when a person's action or an import brought it (a projection from the other version, Label Studio
   * predictions): the suggesters' refresh replaces only their own suggestions, never these.
   */
  kept?: boolean;
  /** A projected span's note, carried to the span its acceptance makes. */
  note?: string;
  /** Relations a projection brings along once both their ends are spans here (see SuggestionLink). */
  links?: readonly SuggestionLink[];
}

/**
 * A relation waiting on a projected suggestion: its ends are named by offsets and label (`start:end:label`),
 * since neither need be a span yet. Accepting the suggestion adds the relation when both ends are spans.
 */
export interface SuggestionLink {
  label: string;
  head: string;
  child: string;
}

/**
 * A suggestion a person turned down, remembered per document by offsets and
 * label: never suggested again there, and a negative example for the tagger.
 */
export interface Rejection {
  docId: string;
  start: number;
  end: number;
  label: string;
  /** text.slice(start, end) when it was rejected. */
  text: string;
  /** The suggester that proposed it. */
  source: string;
  rejectedAt: number;
}

export interface Label {
  name: string;
  color: string;
  /** Single key that applies the label, '1'..'9' by default. */
  key: string;
  order: number;
}

/** A problem found while reading input: always names file and, where known, line. */
export interface InputProblem {
  file: string;
  line?: number;
  message: string;
  /** 'warning': the record was still loaded (e.g. decoded as Windows-1252). */
  severity: 'error' | 'warning';
}

/**
 * A document on its way in (a file read from disk, a JSONL record, a backup
 * line), with what the source said about it. The one name for it everywhere.
 */
export interface IncomingDocument extends CorpusDocument {
  spans?: SpanDraft[];
  relations?: RelationDraft[];
  suggestions?: SuggestionDraft[];
  categories?: string[];
  status?: DocStatus;
  /** Milliseconds since the epoch, from a JSONL record's meta.updated_at. */
  updatedAt?: number;
}

/** What reading a folder, file or JSONL gives: good records and problems side by side. */
export interface CorpusLoad {
  documents: IncomingDocument[];
  problems: InputProblem[];
}

export const DEFAULT_LABELS: readonly Label[] = [
  { name: 'actor', color: '#2f6fde', key: '1', order: 0 },
  { name: 'country', color: '#1f9d55', key: '2', order: 1 },
  { name: 'money', color: '#d97706', key: '3', order: 2 },
  { name: 'commitment', color: '#b83280', key: '4', order: 3 },
];
