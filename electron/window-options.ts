import type { BrowserWindowConstructorOptions } from 'electron';
import { PRODUCT_NAME } from './app-identity';

export interface MainWindowOptionsInput {
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  /** Window icon (Windows/Linux taskbar); the installer embeds its own. */
  iconPath?: string;
}

/** The smallest size at which the tables and forms of the UI stay usable. */
export const MIN_WINDOW_SIZE = { width: 1024, height: 640 } as const;

/**
 * Options of the main window. The page is untrusted as far as the OS is
 * concerned: it runs isolated and sandboxed, without Node, and reaches main
 * only through the preload's AppApi.
 */
export function createMainWindowOptions({ preloadPath, iconPath }: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    width: 1366,
    height: 860,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown on 'ready-to-show' so that the user never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(iconPath === undefined ? {} : { icon: iconPath }),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // The built-in spellchecker would download dictionaries, and has no Kazakh one.
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/**
 * The hidden window documents are printed in: never shown, never throttled
 * in the background (a hidden window's timers and frames would otherwise
 * be slowed and the ready signal late), the same sandbox as the main window.
 */
export function createPrintWindowOptions({ preloadPath }: { preloadPath: string }): BrowserWindowConstructorOptions {
  const main = createMainWindowOptions({ preloadPath });
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: { ...main.webPreferences, preload: preloadPath, backgroundThrottling: false },
  };
}
