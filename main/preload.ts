// Exposes the bridge as named methods built from the contract; the raw
// ipcRenderer never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, channelNames } from '../core/bridge';

const bridge = Object.fromEntries(
  channelNames.map((name) => [name, (arg: unknown) => ipcRenderer.invoke(name, arg)]),
);

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
