// The renderer's only way to the main process: the typed bridge the preload
// (or, in tests, the test host) puts on window.
import { BRIDGE_GLOBAL, type WorkbenchBridge } from '../core/bridge';

export function getBridge(): WorkbenchBridge {
  const bridge = (window as unknown as Record<string, WorkbenchBridge | undefined>)[BRIDGE_GLOBAL];
  if (!bridge) throw new Error('The workbench bridge is missing: open this page through the app (npm start).');
  return bridge;
}
