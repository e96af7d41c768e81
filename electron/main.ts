import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type MessageBoxOptions } from 'electron';
import type { Language, MenuCommand } from '../shared/api/app-api';
import { APP_API_CHANNELS } from '../shared/api/channels';
import { APP_ID, APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, PRODUCT_NAME } from './app-identity';
import { parseCommandLine } from './cli';
import { registerAppApiHandlers, registerPrintWindowHandlers } from './ipc';
import { createPrintToPdf, DEFAULT_PRINT_TIMEOUT_MS } from './print-to-pdf';
import { aboutDialogText, buildMenuTemplate, initialMenuLanguage } from './menu';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { createSaveFile, writeFileAtomically } from './save-file';
import { guardSession, guardWebContents } from './security';
import { createMainWindowOptions, createPrintWindowOptions } from './window-options';

// The thin edge of the main process: it wires Electron objects into the
// modules next to it, which hold the logic and are tested in Node.

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
const commandLine = parseCommandLine(process.argv);
// Pinned rather than derived from package.json: the userData folder (and the IndexedDB in it) must never move.
app.setPath('userData', commandLine.userDataDir ?? path.join(app.getPath('appData'), PRODUCT_NAME));
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
const isDevelopment = !app.isPackaged;
// dist/electron/main.cjs → dist/renderer
const rendererRoot = path.join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;
let menuLanguage: Language = 'kk';

function sendMenuCommand(cmd: MenuCommand): void {
  mainWindow?.webContents.send(APP_API_CHANNELS.onMenuCommand, cmd);
}

async function showAbout(): Promise<void> {
  const text = aboutDialogText(menuLanguage, { name: PRODUCT_NAME, version: app.getVersion() });
  const options: MessageBoxOptions = { type: 'info', title: text.title, message: text.message, detail: text.detail, buttons: [text.close], noLink: true };
  await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function applyMenu(lang: Language): void {
  menuLanguage = lang;
  const template = buildMenuTemplate(lang, sendMenuCommand, { isDevelopment, showAbout: () => void showAbout() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

const saveFile = createSaveFile<BrowserWindow | null>({
  showSaveDialog: (window, options) => (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options)),
  writeFile: writeFileAtomically,
  defaultDirectory: () => app.getPath('documents'),
});

const printer = createPrintToPdf<BrowserWindow | null>({
  createWindow: () => new BrowserWindow(createPrintWindowOptions({ preloadPath: path.join(__dirname, 'print-preload.cjs') })),
  printUrl: `${APP_ORIGIN}/print.html`,
  timeoutMs: DEFAULT_PRINT_TIMEOUT_MS,
  saveFile,
});

function createMainWindow(): void {
  const window = new BrowserWindow(
    createMainWindowOptions({
      preloadPath: path.join(__dirname, 'preload.cjs'),
      // Packaged builds take the icon from the executable.
      ...(isDevelopment ? { iconPath: path.join(__dirname, '..', '..', 'resources', 'icons', 'icon.png') } : {}),
    }),
  );
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => console.error(`Renderer process gone: ${details.reason}`));
  void window.loadURL(APP_INDEX_URL);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  guardSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
  registerAppApiHandlers(ipcMain, {
    getAppInfo: () => ({
      name: PRODUCT_NAME,
      version: app.getVersion(),
      shell: 'electron',
      platform: process.platform,
      demoRequested: commandLine.demoRequested,
    }),
    setLanguage: (lang) => applyMenu(lang),
    saveFile: (input, event) => saveFile(input, BrowserWindow.fromWebContents(event.sender)),
    printToPdf: (input, event) => printer.printToPdf(input, BrowserWindow.fromWebContents(event.sender)),
  });
  registerPrintWindowHandlers(ipcMain, printer);
  applyMenu(initialMenuLanguage(app.getLocale()));
  createMainWindow();
}

// One instance only: two windows on one IndexedDB would fight over upgrades and transactions.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && app.isReady()) createMainWindow();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}
