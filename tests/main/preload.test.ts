// What the preload hands the page: one global, `workbench`, whose methods are
// exactly the contract's channels and each forward one argument through
// ipcRenderer.invoke. The raw ipcRenderer (send/on/invoke on any channel)
// must never reach the page.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, channelNames } from '../../core/bridge';
import { COMMAND_EVENT } from '../../core/commands';
import { contextBridge, ipcRenderer, resetFakeElectron } from '../support/fake-electron';

vi.mock('electron', () => import('../support/fake-electron'));

let exposed: { key: string; api: unknown }[];
let bridge: Record<string, unknown>;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../main/preload');
  exposed = [...contextBridge.exposed];
  bridge = exposed[0]?.api as Record<string, unknown>;
});

describe('preload', () => {
  it('exposes exactly one global, named workbench', () => {
    expect(BRIDGE_GLOBAL).toBe('workbench');
    expect(exposed.map((e) => e.key)).toEqual(['workbench']);
  });

  it('the global has one function per channel of the contract, the menu-command event, and nothing more', () => {
    expect(Object.keys(bridge).sort()).toEqual([...channelNames, 'onCommand'].sort());
    for (const name of channelNames) expect(typeof bridge[name], name).toBe('function');
  });

  it('each method calls ipcRenderer.invoke(channel, arg) with that one argument only', async () => {
    for (const name of channelNames) {
      ipcRenderer.calls = [];
      const method = bridge[name] as (...args: unknown[]) => Promise<unknown>;
      await method({ probe: name }, 'an extra argument the page should not be able to pass');
      expect(ipcRenderer.calls).toEqual([{ channel: name, args: [{ probe: name }] }]);
    }
  });

  it('does not expose ipcRenderer or any of its methods', () => {
    const values = Object.values(bridge);
    expect(values).not.toContain(ipcRenderer);
    for (const key of ['invoke', 'send', 'on'] as const) expect(values).not.toContain(ipcRenderer[key]);
    for (const key of ['ipcRenderer', 'invoke', 'send', 'on', 'sendSync'])
      expect(Object.keys(bridge)).not.toContain(key);
  });

  it('forwards only known menu commands, without the event object, until unsubscribed', () => {
    const seen: unknown[][] = [];
    const stop = (bridge.onCommand as (l: (...a: unknown[]) => void) => () => void)((...args) => seen.push(args));
    ipcRenderer.emit(COMMAND_EVENT, 'toggleSplit');
    ipcRenderer.emit(COMMAND_EVENT, 'rm -rf');
    ipcRenderer.emit(COMMAND_EVENT, { command: 'undo' });
    stop();
    ipcRenderer.emit(COMMAND_EVENT, 'undo');
    expect(seen).toEqual([['toggleSplit']]);
  });
});
