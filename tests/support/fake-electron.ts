// A stand-in for the 'electron' module in unit tests (plain Node has no
// Electron binary). It records what main/ code registers (IPC handlers,
// WebContents listeners, permission handlers, exposed globals) so a test can
// call them the way Electron would. Use it as:
//   vi.mock('electron', () => import('../support/fake-electron'));
// and call resetFakeElectron() in beforeEach.
import { EventEmitter } from 'node:events';

/** An event whose preventDefault() can be observed, as Electron passes to will-navigate etc. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(readonly url = 'file:///app/index.html') {}
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = new FakeFrame();
  windowOpenHandler?: (details: { url: string }) => unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
  sent: { channel: string; args: unknown[] }[] = [];
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  /** Emits `name` with a fresh FakeEvent and returns it, to see whether a listener prevented it. */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.windows];
  }
  static getFocusedWindow(): BrowserWindow | null {
    return null;
  }
  readonly webContents = new FakeWebContents();
  loaded?: { file?: string; url?: string };
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.windows.push(this);
  }
  async loadFile(file: string): Promise<void> {
    this.loaded = { file };
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = { url };
  }
  show(): void {}
  focus(): void {}
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  registrations: [] as string[],
  /** Like Electron, refuses a second handler for the same channel. */
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.registrations.push(channel);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
type PermissionCheck = (contents: unknown, permission: string, origin: string, details?: unknown) => boolean;

export const session = {
  defaultSession: {
    permissionRequest: undefined as PermissionRequest | undefined,
    permissionCheck: undefined as PermissionCheck | undefined,
    setPermissionRequestHandler(handler: PermissionRequest): void {
      this.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheck): void {
      this.permissionCheck = handler;
    },
  },
};

export const ipcRenderer = {
  calls: [] as { channel: string; args: unknown[] }[],
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.calls.push({ channel, args });
    return { channel, args };
  },
  send(): void {},
  listeners: [] as { channel: string; listener: (...args: unknown[]) => void }[],
  on(channel: string, listener: (...args: unknown[]) => void): void {
    this.listeners.push({ channel, listener });
  },
  removeListener(channel: string, listener: (...args: unknown[]) => void): void {
    this.listeners = this.listeners.filter((l) => l.channel !== channel || l.listener !== listener);
  },
  /** What main's webContents.send would deliver: (event, ...args) to each listener. */
  emit(channel: string, ...args: unknown[]): void {
    for (const l of this.listeners.filter((x) => x.channel === channel)) l.listener({ sender: 'main' }, ...args);
  },
};

export const contextBridge = {
  exposed: [] as { key: string; api: unknown }[],
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.push({ key, api });
  },
};

/** Records dialog calls; a test sets the answer each dialog gives. */
export const dialog = {
  calls: [] as { kind: 'open' | 'save'; window?: unknown; options: Record<string, unknown> }[],
  openResult: { canceled: true, filePaths: [] as string[] },
  saveResult: { canceled: true, filePath: undefined as string | undefined },
  async showOpenDialog(...args: unknown[]) {
    this.calls.push({ kind: 'open', window: args.length > 1 ? args[0] : undefined, options: args[args.length - 1] as Record<string, unknown> });
    return this.openResult;
  },
  async showSaveDialog(...args: unknown[]) {
    this.calls.push({ kind: 'save', window: args.length > 1 ? args[0] : undefined, options: args[args.length - 1] as Record<string, unknown> });
    return this.saveResult;
  },
};

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Records the calls main/main.ts makes, in order, and lets a test decide when `ready` comes. */
class FakeApp extends EventEmitter {
  isPackaged = false;
  log: string[] = [];
  paths = new Map<string, string>();
  gotLock = true;
  private ready = deferred();
  setPath(name: string, value: string): void {
    this.log.push(`setPath ${name}`);
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/default/${name}`;
  }
  requestSingleInstanceLock(): boolean {
    this.log.push('requestSingleInstanceLock');
    return this.gotLock;
  }
  quit(): void {
    this.log.push('quit');
  }
  whenReady(): Promise<void> {
    this.log.push('whenReady');
    return this.ready.promise;
  }
  /** Resolves whenReady() and lets its callbacks run. */
  async becomeReady(): Promise<void> {
    this.ready.resolve();
    await new Promise((r) => setTimeout(r, 0));
  }
  reset(): void {
    this.removeAllListeners();
    Object.assign(this, { isPackaged: false, log: [], paths: new Map(), gotLock: true, ready: deferred() });
  }
}

export const app = new FakeApp();

export function resetFakeElectron(): void {
  app.reset();
  BrowserWindow.windows = [];
  Menu.current = null;
  ipcMain.handlers.clear();
  ipcMain.registrations = [];
  session.defaultSession.permissionRequest = undefined;
  session.defaultSession.permissionCheck = undefined;
  ipcRenderer.calls = [];
  ipcRenderer.listeners = [];
  contextBridge.exposed = [];
  dialog.calls = [];
  dialog.openResult = { canceled: true, filePaths: [] };
  dialog.saveResult = { canceled: true, filePath: undefined };
}

/** Keeps the application menu's template so a test can click its items. */
export const Menu = {
  current: null as { template: unknown[] } | null,
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    Menu.current = menu;
  },
};

export default { app, BrowserWindow, ipcMain, session, ipcRenderer, contextBridge, dialog, Menu };
