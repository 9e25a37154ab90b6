// A stand-in for the 'electron' module in unit tests (plain Node has no
// Electron binary). It records what main/ code registers (IPC handlers,
// WebContents listeners, permission handlers, exposed globals) so a test can
// call them the way Electron would. Use it as:
//   vi.mock('electron', () => import('../support/fake-electron'));
// and call resetFakeElectron() in beforeEach.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** An event whose preventDefault() can be observed, as Electron passes to will-navigate etc. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextRoutingId = 1;

/** A WebFrameMain: main/ipc.ts tells frames apart by (processId, routingId), parent and URL. */
export class FakeFrame {
  constructor(
    readonly url = 'app://workbench/index.html',
    readonly parent: FakeFrame | null = null,
    readonly routingId = nextRoutingId++,
    readonly processId = 1,
  ) {}
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

type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: unknown,
) => void;
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

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** Records scheme privileges (in app.log too, to check they come before `ready`) and protocol handlers. */
export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    app.log.push('registerSchemesAsPrivileged');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  },
};

/** net.fetch: answers every URL with a 200 naming it, and records the call. */
export const net = {
  fetched: [] as string[],
  async fetch(url: string): Promise<Response> {
    this.fetched.push(url);
    return new Response(`fetched ${url}`, { status: 200 });
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
  errorBoxes: [] as { title: string; content: string }[],
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  },
  async showOpenDialog(...args: unknown[]) {
    this.calls.push({
      kind: 'open',
      window: args.length > 1 ? args[0] : undefined,
      options: args[args.length - 1] as Record<string, unknown>,
    });
    return this.openResult;
  },
  async showSaveDialog(...args: unknown[]) {
    this.calls.push({
      kind: 'save',
      window: args.length > 1 ? args[0] : undefined,
      options: args[args.length - 1] as Record<string, unknown>,
    });
    return this.saveResult;
  },
};

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

let fakeRoot: string | undefined;

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
  /** Unset paths fall in a throwaway folder: main.ts writes to userData (the storage migration's marker). */
  getPath(name: string): string {
    fakeRoot ??= mkdtempSync(path.join(tmpdir(), 'fake-electron-'));
    return this.paths.get(name) ?? path.join(fakeRoot, name);
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
  dialog.errorBoxes = [];
  protocol.privileged = [];
  protocol.handlers.clear();
  net.fetched = [];
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

export default { app, BrowserWindow, ipcMain, session, ipcRenderer, contextBridge, dialog, Menu, protocol, net };
