// The one pattern behind every session the renderer holds (import, export,
// backup write, backup read): main keeps the live value under a random id and
// the renderer only ever sees the id, never a path or a file handle. An id
// that is not (or no longer) live is one error type everywhere.
import { randomUUID } from 'node:crypto';

export class UnknownSessionError extends Error {
  override name = 'UnknownSessionError';
}

export class SessionTable<T> {
  private readonly live = new Map<string, T>();

  /** @param what names the session kind in errors ("import", "export", ...). */
  constructor(private readonly what: string) {}

  get size(): number {
    return this.live.size;
  }

  add(value: T): string {
    const id = randomUUID();
    this.live.set(id, value);
    return id;
  }

  get(id: string): T {
    const value = this.live.get(id);
    if (value === undefined) throw new UnknownSessionError(`no ${this.what} session ${id}`);
    return value;
  }

  /** Removes and returns the session, or undefined when it is not live (closing twice is harmless). */
  take(id: string): T | undefined {
    const value = this.live.get(id);
    this.live.delete(id);
    return value;
  }

  /** Removes and returns every live session (a new one replacing an abandoned one). */
  takeAll(): T[] {
    const values = [...this.live.values()];
    this.live.clear();
    return values;
  }
}
