// Exposes the bridge as named methods built from the contract, plus one event
// (menu commands); the raw ipcRenderer never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, channelNames } from '../core/bridge';
import { COMMAND_EVENT, isMenuCommand, type MenuCommand, type WorkbenchEvents } from '../core/commands';

const invokers = Object.fromEntries(
  channelNames.map((name) => [name, (arg: unknown) => ipcRenderer.invoke(name, arg)]),
);

const events: WorkbenchEvents = {
  onCommand(listener: (command: MenuCommand) => void) {
    // Only known command names reach the page, and never the event object.
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(COMMAND_EVENT, forward);
    return () => void ipcRenderer.removeListener(COMMAND_EVENT, forward);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, { ...invokers, ...events });
