// Plays the app's main process for the app-kill sync test: one SyncService on
// a profile folder, driven by JSON lines on stdin, answering on stdout. The
// test SIGKILLs this process at random points, as a crash or a force quit
// would end the app, and starts it again on the same folder.
//   {"id":1,"push":[records]}   → {"id":1,"written":n} once the replica on disk holds them (the bridge's answer)
//   {"id":2,"status":true}      → {"id":2,"status":{...}}
//   {"id":3,"configure":{...}}  → {"id":3,"configured":{...}} (the Sync dialog's save)
// Requests are handled one after another, as the renderer's sync agent sends them.
import { createInterface } from 'node:readline';
import type { SyncRecord } from '../../core/sync/couch-records';
import type { SyncConfigureInput } from '../../core/sync/sync-shapes';
import { SyncService } from '../../main/services/sync/sync-service';
import { fakeSecrets } from './fake-secrets';

interface Request {
  id: number;
  push?: SyncRecord[];
  status?: boolean;
  configure?: SyncConfigureInput;
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: sync-main-child <profile sync folder>');
const service = new SyncService({ dir, secrets: fakeSecrets, maxBackOff: 300 });
// As main does on start: reading the settings starts the replication when sync is on.
void service.status();

let queue = Promise.resolve();
const answer = (body: object) => process.stdout.write(`${JSON.stringify(body)}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line) as Request;
  queue = queue.then(async () => {
    if (request.push) answer({ id: request.id, written: (await service.push(request.push, [])).written });
    else if (request.status) answer({ id: request.id, status: await service.status() });
    else if (request.configure) answer({ id: request.id, configured: await service.configure(request.configure) });
  });
});
