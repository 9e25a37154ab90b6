// corpus push / pull: a JSONL corpus to a CouchDB database and back, with
// the records the app syncs (core/sync), so a pipeline can feed a training
// job from the team's database, or seed it. Credentials come from the
// environment (COUCHDB_USER, COUCHDB_PASSWORD), never from the command line,
// which other users of the machine can read.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { spanToRecord } from '../core/sync/app-records';
import { fromCouchDoc } from '../core/sync/couch-docs';
import type { SpanSyncRecord, SyncRecord } from '../core/sync/couch-records';
import { readJsonlFile } from '../main/services/jsonl-file';
import { guardedFetch } from '../main/services/sync/guarded-fetch';
import { LocalStore } from '../main/services/sync/local-store';
import { openPouch, pouchFetch } from '../main/services/sync/pouch';
import { checkServer } from '../main/services/sync/sync-config';
import { parse, requireString, showHelp, UsageError, type Io } from './args';
import { ProblemReport } from './report';

export const PUSH_HELP = `corpus push <corpus.jsonl> <server-url/database> [--annotator NAME]

Writes each document and its spans to the CouchDB database as the app syncs
them: one record per document (by sha256) and one per span under the annotator
(--annotator, else the span's own "annotator", else "cli"). Pushing the same
file again writes nothing new. User and password: COUCHDB_USER, COUCHDB_PASSWORD.

Exit code: 0 ok, 1 problems in the input, 2 usage error.`;

export const PULL_HELP = `corpus pull <server-url/database> --out <file.jsonl>

Writes every document of the database with the spans of every annotator, one
document a line: {"text", "spans": [{"start", "end", "label", "text",
"annotator"}], "meta": {...}}, offsets in code points. Remote records that are
not the workbench's are reported and left out.`;

function database(arg: string | undefined) {
  if (!arg) throw new UsageError('give the database as <server-url/database>');
  const url = new URL(arg);
  const parts = url.pathname.split('/').filter(Boolean);
  const db = decodeURIComponent(parts.pop() ?? '');
  url.pathname = `/${parts.join('/')}`;
  const checked = checkServer(url.href, db);
  if (!checked.ok) throw new UsageError(checked.message);
  const user = process.env.COUCHDB_USER;
  return openPouch(checked.dbUrl, {
    fetch: guardedFetch(checked.dbUrl, pouchFetch),
    // The database must exist (a CouchDB admin makes it); no setup request that could fail unobserved.
    skip_setup: true,
    ...(user ? { auth: { username: user, password: process.env.COUCHDB_PASSWORD ?? '' } } : {}),
  });
}

/** A span's id from what it is, so the same file pushed twice names the same records. */
const spanId = (sha: string, start: number, end: number, label: string) =>
  `cli-${createHash('sha256').update(`${sha}\u0000${start}\u0000${end}\u0000${label}`).digest('hex').slice(0, 24)}`;

export async function pushCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { annotator: { type: 'string' } });
  if (values.help) return showHelp(io, PUSH_HELP);
  const [file, target] = positionals;
  if (!file) throw new UsageError('push needs a .jsonl file');
  const store = new LocalStore(database(target));
  const report = new ProblemReport((line) => io.err(line));
  let documents = 0;
  let spans = 0;
  let written = 0;
  for await (const batch of readJsonlFile(file, { batchSize: 200 })) {
    report.add(batch.problems);
    const records: SyncRecord[] = [];
    for (const doc of batch.documents) {
      records.push({ type: 'document', sha256: doc.sha256, name: doc.name, source: doc.source, text: doc.text });
      documents++;
      for (const draft of doc.spans ?? []) {
        const annotator = (values.annotator as string | undefined) ?? draft.annotator ?? 'cli';
        const now = doc.updatedAt ?? 0;
        const span = {
          id: spanId(doc.sha256, draft.start, draft.end, draft.label),
          docId: doc.id,
          start: draft.start,
          end: draft.end,
          label: draft.label,
          text: doc.text.slice(draft.start, draft.end),
          note: draft.note ?? '',
          createdAt: now,
          updatedAt: now,
        };
        records.push(spanToRecord(span, doc.sha256, doc.text, annotator));
        spans++;
      }
    }
    for (let i = 0; i < records.length; i += 500) written += await store.writeRecords(records.slice(i, i + 500), []);
  }
  await store.db.close();
  io.out(`${documents} documents, ${spans} spans; ${written} records written; ${report.summary()}`);
  return report.exitCode();
}

interface PulledLine {
  text: string;
  spans: Array<{ start: number; end: number; label: string; text: string; annotator: string }>;
  meta: { name: string; source: string; sha256: string };
}

export async function pullCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { out: { type: 'string' } });
  if (values.help) return showHelp(io, PULL_HELP);
  const out = requireString(values, 'out');
  const db = database(positionals[0]);
  const docs = new Map<string, PulledLine>();
  const spans: SpanSyncRecord[] = [];
  let problems = 0;
  let startkey: string | undefined;
  for (;;) {
    const page = await db.allDocs({ include_docs: true, limit: 2000, ...(startkey ? { startkey } : {}) });
    const rows = startkey ? page.rows.slice(1) : page.rows;
    for (const row of rows) {
      const decoded = fromCouchDoc(row.doc);
      if (decoded === null) continue;
      if (!decoded.ok) {
        problems++;
        io.err(`${decoded.problem.id}: ${decoded.problem.message}`);
      } else if (decoded.change.kind === 'record') {
        const r = decoded.change.record;
        if (r.type === 'document')
          docs.set(r.sha256, { text: r.text, spans: [], meta: { name: r.name, source: r.source, sha256: r.sha256 } });
        else if (r.type === 'span') spans.push(r);
      }
    }
    if (page.rows.length < 2000) break;
    startkey = page.rows[page.rows.length - 1].key;
  }
  await db.close();
  for (const s of spans) {
    const doc = docs.get(s.sha256);
    const quoted = doc ? [...doc.text].slice(s.start, s.end).join('') : undefined;
    if (!doc || quoted !== s.text) {
      problems++;
      io.err(
        `span ${s.spanId} of ${s.annotator}: ${doc ? 'its text is not the document’s' : 'no such document'}; left out`,
      );
      continue;
    }
    doc.spans.push({ start: s.start, end: s.end, label: s.label, text: s.text, annotator: s.annotator });
  }
  const stream = createWriteStream(out);
  for (const line of docs.values()) {
    line.spans.sort((a, b) => a.start - b.start || a.end - b.end || a.annotator.localeCompare(b.annotator));
    stream.write(`${JSON.stringify(line)}\n`);
  }
  await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  io.out(`${docs.size} documents, ${spans.length} spans written to ${out}; ${problems} problem(s)`);
  return problems > 0 ? 1 : 0;
}
