// Registers the bridge's handlers with Electron. Every call must come from the
// main frame of one of our own windows (as Electron Fiddle's main/ipc.ts checks)
// and carry an argument of the declared shape; anything else is refused.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, dispatch, type BridgeHandlers } from '../core/bridge';

export type TrustedSender = (contents: WebContents) => boolean;

export function isCallFromTrustedFrame(event: IpcMainInvokeEvent, trusted: TrustedSender): boolean {
  const frame = event.senderFrame;
  return Boolean(frame) && frame === event.sender.mainFrame && trusted(event.sender);
}

export function registerBridge(handlers: BridgeHandlers, trusted: TrustedSender): void {
  for (const name of channelNames) {
    ipcMain.handle(name, (event, arg: unknown) => {
      if (!isCallFromTrustedFrame(event, trusted)) throw new Error(`refused ${name}: not from the app's own window`);
      return dispatch(handlers, name, arg);
    });
  }
}
