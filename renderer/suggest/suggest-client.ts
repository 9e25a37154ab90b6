// The page's side of the suggestions worker: a promise per request. The
// worker is started on first use with Vite's `new Worker(new URL(...))`
// form, which Vite bundles as its own file (served from the app's origin,
// so the CSP's script-src 'self' covers it: no blob: or eval needed). A
// worker that cannot start or dies fails every open request with a message
// the app shows; nothing waits forever.
import type { Envelope, WorkerReply, WorkerRequest, WorkerResults } from './worker-protocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class SuggestClient {
  private worker?: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly start: () => Worker = startWorker) {}

  request<T extends WorkerRequest>(request: T): Promise<WorkerResults[T['type']]> {
    let worker: Worker;
    try {
      worker = this.worker ??= this.listen(this.start());
    } catch (error) {
      return Promise.reject(new Error(`the suggestions worker could not start (${messageOf(error)})`));
    }
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id } satisfies Envelope);
    });
  }

  private listen(worker: Worker): Worker {
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.error));
    });
    worker.addEventListener('error', (event) =>
      this.failAll(`the suggestions worker failed: ${event.message || 'could not load'}`),
    );
    worker.addEventListener('messageerror', () =>
      this.failAll('the suggestions worker sent a message that could not be read'),
    );
    return worker;
  }

  private failAll(message: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new Error(message));
    this.pending.clear();
    this.worker?.terminate();
    this.worker = undefined; // the next request starts a fresh one
  }

  dispose(): void {
    this.failAll('the suggestions worker was stopped');
  }
}

function startWorker(): Worker {
  return new Worker(new URL('./suggest.worker.ts', import.meta.url), { type: 'module', name: 'suggestions' });
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
