// Splits a byte stream into JSONL lines without decoding it first, so that a
// line with invalid UTF-8 spoils only itself and a 300 MB file is never held
// whole. '\n' ends a line; a '\r' just before it is the FILE's CRLF line
// terminator and is dropped (a CR inside a record's text is escaped as \r in
// JSON, so it never appears raw). A UTF-8 BOM at the very start is dropped.
// Bytes of a line that spans chunks are kept until its '\n' arrives.

export interface RawLine {
  /** 1-based line number in the file. */
  lineNo: number;
  bytes: Uint8Array;
}

const LF = 0x0a;
const CR = 0x0d;

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function withoutCr(bytes: Uint8Array): Uint8Array {
  return bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
}

export class LineSplitter {
  private pending: Uint8Array[] = [];
  private lineNo = 0;
  private started = false;

  /** Complete lines found so far; a partial last line waits for the next chunk. */
  push(chunk: Uint8Array): RawLine[] {
    const bytes = this.skipBom(chunk);
    const lines: RawLine[] = [];
    let from = 0;
    for (let lf = bytes.indexOf(LF); lf !== -1; lf = bytes.indexOf(LF, from)) {
      this.pending.push(bytes.subarray(from, lf));
      lines.push(this.take());
      from = lf + 1;
    }
    if (from < bytes.length) this.pending.push(bytes.subarray(from));
    return lines;
  }

  /** The last line, when the file does not end with '\n'. */
  end(): RawLine[] {
    return this.pending.some((p) => p.length > 0) ? [this.take()] : [];
  }

  private take(): RawLine {
    const bytes = withoutCr(concat(this.pending));
    this.pending = [];
    return { lineNo: ++this.lineNo, bytes };
  }

  /** Drops a UTF-8 BOM at the start of the file, even when split across chunks. */
  private skipBom(chunk: Uint8Array): Uint8Array {
    if (this.started) return chunk;
    const head = concat([...this.pending, chunk]);
    if (head.length < 3 && [0xef, 0xbb, 0xbf].slice(0, head.length).every((b, i) => head[i] === b)) {
      this.pending = [head];
      return new Uint8Array(0);
    }
    this.started = true;
    this.pending = [];
    return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
  }
}

/** All lines of bytes already in memory (a dropped file). */
export function splitByteLines(bytes: Uint8Array): RawLine[] {
  const splitter = new LineSplitter();
  return [...splitter.push(bytes), ...splitter.end()];
}
