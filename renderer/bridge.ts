// The renderer's only way to the main process: the typed bridge the preload
// (or, in tests, the test host) puts on window.
import { BRIDGE_GLOBAL, type WorkbenchBridge } from '../core/bridge';
import type { WorkbenchEvents } from '../core/commands';

// The preload's (or the test host's) global, typed from the contract as Electron Fiddle's ambient.d.ts does.
declare global {
  interface Window {
    workbench?: WorkbenchBridge & Partial<WorkbenchEvents>;
  }
}

export function getBridge(): WorkbenchBridge {
  const bridge = window[BRIDGE_GLOBAL];
  if (!bridge) throw new Error('The workbench bridge is missing: open this page through the app (npm start).');
  return bridge;
}

/** The bridge's main -> renderer events (menu commands), when the host offers them. */
export function getEvents(): WorkbenchEvents | undefined {
  const bridge = window[BRIDGE_GLOBAL];
  return typeof bridge?.onCommand === 'function' ? (bridge as WorkbenchEvents) : undefined;
}
