// The bridge's main-process gate (main/ipc.ts), with Electron replaced by a
// recorder: every channel of the contract is registered once, and a call gets
// to its handler only from the main frame of our own window with an argument
// of the declared shape.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeArgumentError, channelNames, type BridgeHandlers } from '../../core/bridge';
import { registerBridge } from '../../main/ipc';
import { FakeFrame, FakeWebContents, ipcMain, resetFakeElectron } from '../support/fake-electron';

vi.mock('electron', () => import('../support/fake-electron'));

let ours: FakeWebContents;
let handlers: Record<string, ReturnType<typeof vi.fn>>;

function setUp(): void {
  resetFakeElectron();
  ours = new FakeWebContents();
  handlers = Object.fromEntries(
    channelNames.map((name) => [name, vi.fn(async (arg: unknown) => ({ answered: name, arg }))]),
  );
  registerBridge(handlers as unknown as BridgeHandlers, (contents) => contents === (ours as unknown));
}

/** Calls a registered channel as Electron would; a synchronous throw becomes a rejection, as in ipcMain.handle. */
async function call(
  name: string,
  arg: unknown,
  sender = ours,
  senderFrame: FakeFrame | null = sender.mainFrame,
): Promise<unknown> {
  const handler = ipcMain.handlers.get(name);
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler({ sender, senderFrame }, arg);
}

beforeEach(setUp);

/** A well-formed argument for each channel that takes one (the rest take nothing). */
const GOOD_ARGS: Record<string, unknown> = {
  writeProfileMarker: { profileId: '0f8fad5b-d9cb-469f-a165-70867728950e', heldDataSince: 1_700_000_000_000 },
  backupWrite: { session: 's', records: [] },
  backupEnd: { session: 's' },
  readBackup: { id: '2025-01-31T12-00-00-000Z' },
  readBackupNext: { session: 's' },
  chooseImport: { kind: 'files' },
  importNext: { session: 's' },
  importCancel: { session: 's' },
  importBytes: { name: 'a.jsonl', bytes: new Uint8Array(1) },
  exportBegin: { format: 'prodigy', suggestedName: 'corpus.jsonl' },
  exportWrite: { session: 's', records: [] },
  exportEnd: { session: 's' },
  exportAbort: { session: 's' },
  syncConfigure: { url: 'http://127.0.0.1:5984', database: 'team', username: '', enabled: true },
  syncPush: { annotator: 'ann', records: [], removed: [] },
  syncPull: { since: 0 },
  syncResolve: { id: 'span:x', rev: '1-a' },
};

describe('registerBridge', () => {
  it('registers every channel of the contract exactly once, and nothing else', () => {
    expect(ipcMain.registrations).toHaveLength(channelNames.length);
    expect([...ipcMain.registrations].sort()).toEqual([...channelNames].sort());
  });

  it('a good call from our main frame reaches the handler and returns its answer', async () => {
    for (const name of channelNames) {
      const arg = GOOD_ARGS[name];
      await expect(call(name, arg)).resolves.toEqual({ answered: name, arg });
      expect(handlers[name]).toHaveBeenCalledOnce();
    }
  });
});

describe('who may call', () => {
  it('refuses a call from a subframe of our window', async () => {
    for (const name of channelNames) {
      await expect(
        call(name, undefined, ours, new FakeFrame('app://workbench/index.html', ours.mainFrame)),
      ).rejects.toThrow(/refused .*not from the app's own window/);
      expect(handlers[name]).not.toHaveBeenCalled();
    }
  });

  it('accepts our main frame by its ids and URL, not by object identity (Electron may hand out a new wrapper)', async () => {
    const main = ours.mainFrame;
    const sameFrame = new FakeFrame(main.url, null, main.routingId, main.processId);
    await expect(call(channelNames[0], GOOD_ARGS[channelNames[0]], ours, sameFrame)).resolves.toMatchObject({
      answered: channelNames[0],
    });
  });

  it('refuses our main frame once it shows anything but app://workbench (file://, the dev server, another site)', async () => {
    const main = ours.mainFrame;
    for (const url of [
      'file:///app/.vite/renderer/main_window/index.html',
      'http://localhost:5173/',
      'https://example.com/',
      'app://workbench.evil/',
      'about:blank',
    ]) {
      const navigated = new FakeFrame(url, null, main.routingId, main.processId);
      await expect(call(channelNames[0], undefined, ours, navigated), url).rejects.toThrow(/refused/);
    }
    expect(handlers[channelNames[0]]).not.toHaveBeenCalled();
  });

  it('refuses a frame of another process or routing id that claims our URL', async () => {
    const main = ours.mainFrame;
    await expect(
      call(channelNames[0], undefined, ours, new FakeFrame(main.url, null, main.routingId, main.processId + 1)),
    ).rejects.toThrow(/refused/);
    await expect(
      call(channelNames[0], undefined, ours, new FakeFrame(main.url, null, main.routingId + 1000, main.processId)),
    ).rejects.toThrow(/refused/);
  });

  it('refuses a call whose frame is gone (senderFrame null)', async () => {
    await expect(call(channelNames[0], undefined, ours, null)).rejects.toThrow(/refused/);
    expect(handlers[channelNames[0]]).not.toHaveBeenCalled();
  });

  it('refuses a call from the main frame of a WebContents that is not ours', async () => {
    const stranger = new FakeWebContents();
    for (const name of channelNames) {
      await expect(call(name, undefined, stranger)).rejects.toThrow(/refused/);
      expect(handlers[name]).not.toHaveBeenCalled();
    }
  });
});

describe('what may be passed', () => {
  it('refuses an argument of the wrong shape with a clear error', async () => {
    for (const bad of [{}, 'seeds', 0, false, [], { path: '/etc' }]) {
      const refusal = call('loadSeedCorpus', bad);
      await expect(refusal).rejects.toBeInstanceOf(BridgeArgumentError);
      await expect(call('loadSeedCorpus', bad)).rejects.toThrow(
        'argument of loadSeedCorpus does not have the declared shape',
      );
    }
    expect(handlers.loadSeedCorpus).not.toHaveBeenCalled();
  });

  it('refuses an oversized argument on every channel', async () => {
    const huge = { junk: 'x'.repeat(2_000_000) };
    for (const name of channelNames) {
      await expect(call(name, huge)).rejects.toBeInstanceOf(BridgeArgumentError);
      await expect(call(name, 'x'.repeat(2_000_000))).rejects.toBeInstanceOf(BridgeArgumentError);
      expect(handlers[name]).not.toHaveBeenCalled();
    }
  });

  it('loadSeedCorpus takes nothing: any other value never reaches the handler', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((v) => v !== undefined && v !== null),
        async (value) => {
          await expect(call('loadSeedCorpus', value)).rejects.toBeInstanceOf(BridgeArgumentError);
        },
      ),
      { numRuns: 200 },
    );
    expect(handlers.loadSeedCorpus).not.toHaveBeenCalled();
  });

  it('checks the sender before the argument, so a stranger learns nothing about the contract', async () => {
    await expect(call('loadSeedCorpus', { bad: 1 }, new FakeWebContents())).rejects.toThrow(/refused/);
  });
});
