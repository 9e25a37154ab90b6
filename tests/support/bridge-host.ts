// Plays the preload's part in plain Chromium: puts window.workbench on the
// page, built from the same contract, and answers each call with the same
// main-process handlers the app uses, after the same argument check.
import type { BrowserContext } from 'playwright-core';
import { BRIDGE_GLOBAL, channelNames, dispatch, type BridgeHandlers } from '../../core/bridge';

const BINDING = '__workbenchInvoke';

export interface BridgeCall {
  name: string;
  arg: unknown;
}

export async function exposeBridge(
  context: BrowserContext,
  handlers: BridgeHandlers,
  calls: BridgeCall[] = [],
): Promise<void> {
  await context.exposeBinding(BINDING, async (_source, name: string, arg: unknown) => {
    calls.push({ name, arg });
    const result = await dispatch(handlers, name, arg === null ? undefined : arg);
    // As one JSON string: Playwright's own serializer walks every value of a large answer (a sync batch of
    // 500 records took 0.3 s, against 0.06 s for main's handler), where Electron's IPC clones it natively.
    return result === undefined ? undefined : { json: JSON.stringify(result) };
  });
  await context.addInitScript(
    ({ names, global, binding }) => {
      const invoke = (window as unknown as Record<string, (n: string, a: unknown) => Promise<unknown>>)[binding];
      const bridge: Record<string, unknown> = Object.fromEntries(
        names.map((n) => [
          n,
          (arg: unknown) =>
            invoke(n, arg).then((answer) => (answer == null ? answer : JSON.parse((answer as { json: string }).json))),
        ]),
      );
      // Menu commands: the preload's onCommand; tests play the menu with fireMenuCommand().
      const listeners = new Set<(command: string) => void>();
      bridge.onCommand = (listener: (command: string) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      };
      Object.defineProperty(window, '__fireMenuCommand', {
        value: (command: string) => listeners.forEach((l) => l(command)),
      });
      Object.defineProperty(window, global, { value: Object.freeze(bridge), writable: false });
    },
    { names: channelNames as string[], global: BRIDGE_GLOBAL, binding: BINDING },
  );
}

/** Plays the application menu: sends `command` to the page as main's menu would. */
export async function fireMenuCommand(
  page: import('playwright-core').Page,
  command: import('../../core/commands').MenuCommand,
): Promise<void> {
  await page.evaluate(
    (c) => (window as unknown as { __fireMenuCommand(c: string): void }).__fireMenuCommand(c),
    command,
  );
}
