// The page's side of the indexing worker (derive.worker.ts): a promise per
// request. Vite bundles `new Worker(new URL(...))` as its own file served
// from the app's origin, so the CSP's script-src 'self' covers it. A worker
// that cannot start or dies fails the open requests with a message, which
// the indexer shows; the next request starts a fresh worker.
import type { Derive } from './background-index';
import type { DerivedRows } from './rows';

type Reply = { id: number; ok: true; rows: DerivedRows } | { id: number; ok: false; error: string };
type Pending = { resolve: (rows: DerivedRows) => void; reject: (error: Error) => void };

export function deriveInWorker(start: () => Worker = startWorker): Derive {
  let worker: Worker | undefined;
  let next = 1;
  const pending = new Map<number, Pending>();
  const failAll = (message: string) => {
    for (const waiting of pending.values()) waiting.reject(new Error(message));
    pending.clear();
    worker?.terminate();
    worker = undefined;
  };
  const listen = (w: Worker) => {
    w.addEventListener('message', (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.rows);
      else waiting.reject(new Error(reply.error));
    });
    w.addEventListener('error', (event) => failAll(`the indexing worker failed: ${event.message || 'could not load'}`));
    w.addEventListener('messageerror', () => failAll('the indexing worker sent a message that could not be read'));
    return w;
  };
  return (texts) => {
    try {
      worker ??= listen(start());
    } catch (error) {
      return Promise.reject(new Error(`the indexing worker could not start (${messageOf(error)})`));
    }
    const id = next++;
    const running = worker;
    return new Promise<DerivedRows>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      running.postMessage({ id, texts });
    });
  };
}

function startWorker(): Worker {
  return new Worker(new URL('./derive.worker.ts', import.meta.url), { type: 'module', name: 'indexing' });
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
