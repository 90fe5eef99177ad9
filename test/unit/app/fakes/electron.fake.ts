/**
 * A recording stand-in for the 'electron' module (its binary cannot run here). Each test file gets a fresh
 * one through `vi.mock('electron', () => import('./fakes/electron.fake.js').then((m) => m.createElectronFake()))`
 * and reads what the shell did through `electronFake()`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export const FAKE_APP_URL = 'app://configdeck/index.html';

/** A preventable event, as Electron passes to will-navigate / will-quit listeners. */
export interface FakeEvent {
  url?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(url?: string): FakeEvent {
  const event: FakeEvent = {
    url,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
}

type OpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame;
  readonly sent: unknown[][] = [];
  windowOpenHandler: OpenHandler | null = null;
  private destroyed = false;

  constructor(
    readonly id: number,
    url = '',
  ) {
    super();
    this.mainFrame = { url, processId: 100 + id, routingId: 1 };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: OpenHandler): void {
    this.windowOpenHandler = handler;
  }
  /** Emits will-navigate the way Electron does; returns whether a listener cancelled it. */
  tryNavigate(url: string): boolean {
    const event = fakeEvent(url);
    this.emit('will-navigate', event, url);
    return event.defaultPrevented;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export interface FakeBrowserWindowClass {
  new (options: Record<string, unknown>): FakeBrowserWindowInstance;
  instances: FakeBrowserWindowInstance[];
}

export interface FakeBrowserWindowInstance extends EventEmitter {
  readonly options: Record<string, unknown>;
  readonly webContents: FakeWebContents;
  readonly loadedUrls: string[];
  shown: boolean;
  loadURL(url: string): Promise<void>;
  show(): void;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  close(): void;
  /** The background last painted by setBackgroundColor (the options' one until then). */
  background: unknown;
  setBackgroundColor(color: string): void;
}

function createBrowserWindowClass(nextId: () => number): FakeBrowserWindowClass {
  const instances: FakeBrowserWindowInstance[] = [];
  class FakeBrowserWindow extends EventEmitter implements FakeBrowserWindowInstance {
    static instances = instances;
    readonly webContents = new FakeWebContents(nextId());
    readonly loadedUrls: string[] = [];
    shown = false;
    background: unknown;
    private destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      this.background = options.backgroundColor;
      instances.push(this);
    }
    setBackgroundColor(color: string): void {
      this.background = color;
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url);
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
    close(): void {
      this.destroyed = true;
      this.webContents.destroy();
      this.emit('closed');
    }
  }
  return FakeBrowserWindow;
}

export class FakeApp extends EventEmitter {
  hasLock = true;
  isPackaged = false;
  exitCode: number | null = null;
  quitRequests = 0;
  private markReady!: () => void;
  private ready = this.freshReady();
  readonly requestSingleInstanceLock = vi.fn(() => this.hasLock);
  readonly whenReady = vi.fn(() => this.ready);
  readonly getVersion = vi.fn(() => '9.8.7');
  readonly getAppPath = vi.fn(() => '/opt/configdeck');
  readonly exit = vi.fn((code?: number) => {
    this.exitCode = code ?? 0;
  });
  /** Like Electron: emits will-quit, and quits only when no listener prevented it. */
  readonly quit = vi.fn(() => {
    this.quitRequests += 1;
    const event = fakeEvent();
    this.emit('will-quit', event);
    if (!event.defaultPrevented) this.exitCode = 0;
  });
  becomeReady(): void {
    this.markReady();
  }
  /** Forgets listeners, readiness and exit state, so one file can start the app several times. */
  reset(): void {
    this.removeAllListeners();
    this.hasLock = true;
    this.isPackaged = false;
    this.exitCode = null;
    this.quitRequests = 0;
    this.ready = this.freshReady();
  }
  private freshReady(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.markReady = resolve;
    });
  }
}

/**
 * nativeTheme as Electron has it: `themeSource` overrides the OS scheme (which a test sets through
 * shouldUseDarkColors while the source is `system`), and every change is told as 'updated'.
 */
export class FakeNativeTheme extends EventEmitter {
  private source: 'system' | 'light' | 'dark' = 'system';
  private osDark = false;
  get themeSource(): 'system' | 'light' | 'dark' {
    return this.source;
  }
  set themeSource(source: 'system' | 'light' | 'dark') {
    this.source = source;
    this.emit('updated');
  }
  get shouldUseDarkColors(): boolean {
    return this.source === 'system' ? this.osDark : this.source === 'dark';
  }
  set shouldUseDarkColors(dark: boolean) {
    this.osDark = dark;
  }
  /** The OS switches its scheme. */
  osSwitches(dark: boolean): void {
    this.osDark = dark;
    this.emit('updated');
  }
  reset(): void {
    this.source = 'system';
    this.osDark = false;
    this.removeAllListeners();
  }
}

/** Builds the fake module; every member records what the shell did with it. */
export function createElectronFake() {
  let ids = 0;
  const ipcRenderer = new EventEmitter() as EventEmitter & {
    invoke: ReturnType<typeof vi.fn>;
    send: ReturnType<typeof vi.fn>;
  };
  ipcRenderer.invoke = vi.fn(async () => ({ ok: true, result: null }));
  ipcRenderer.send = vi.fn();
  vi.spyOn(ipcRenderer, 'on');
  vi.spyOn(ipcRenderer, 'removeListener');
  return {
    app: new FakeApp(),
    BrowserWindow: createBrowserWindowClass(() => ++ids),
    shell: { openExternal: vi.fn(async () => undefined) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        protocol: { handle: vi.fn() },
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    ipcRenderer,
    contextBridge: { exposeInMainWorld: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptString: vi.fn((plain: string) => Buffer.from(`enc:${plain}`)),
      decryptString: vi.fn((buffer: Buffer) => buffer.toString().replace(/^enc:/, '')),
    },
    /** The OS scheme (and the console's theme choice) the window background follows. */
    nativeTheme: new FakeNativeTheme(),
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
  };
}

export type ElectronFake = ReturnType<typeof createElectronFake>;

/** Puts the fake back to its initial state (call records included) between tests of one file. */
export function resetElectronFake(fake: ElectronFake): void {
  fake.app.reset();
  fake.BrowserWindow.instances.length = 0;
  fake.ipcRenderer.removeAllListeners();
  fake.nativeTheme.reset();
  vi.clearAllMocks();
}

/** The fake the current test file's `vi.mock('electron')` installed. */
export async function electronFake(): Promise<ElectronFake> {
  return (await import('electron')) as unknown as ElectronFake;
}
