// Registers the bridge's handlers with Electron. Every call must come from the
// main frame of one of our own windows, showing a page of the app origin (as
// Electron Fiddle's main/ipc.ts checks), and carry an argument of the declared
// shape; anything else is refused.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, dispatch, type BridgeHandlers } from '../core/bridge';
import { isAppUrl } from './app-origin';

export type TrustedSender = (contents: WebContents) => boolean;

/**
 * The frame is compared by its ids and URL, not by object identity: Electron
 * may hand out a fresh WebFrameMain wrapper for the same frame, and identity
 * says nothing about what the frame shows. Main frame = no parent and the same
 * (process, routing) ids as the sender's main frame; its URL must be app://workbench.
 */
export function isCallFromTrustedFrame(event: IpcMainInvokeEvent, trusted: TrustedSender): boolean {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  if (!frame || !main) return false;
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return isMainFrame && isAppUrl(frame.url) && trusted(event.sender);
}

export function registerBridge(handlers: BridgeHandlers, trusted: TrustedSender): void {
  for (const name of channelNames) {
    ipcMain.handle(name, (event, arg: unknown) => {
      if (!isCallFromTrustedFrame(event, trusted)) throw new Error(`refused ${name}: not from the app's own window`);
      return dispatch(handlers, name, arg);
    });
  }
}
