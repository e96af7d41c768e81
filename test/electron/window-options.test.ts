import { describe, expect, it } from 'vitest';
import { createMainWindowOptions, createPrintWindowOptions, MIN_WINDOW_SIZE } from '../../electron/window-options';

describe('createMainWindowOptions', () => {
  const options = createMainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs' });
  const web = options.webPreferences ?? {};

  it('isolates and sandboxes the page, without Node', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
  });

  it('keeps web security on and the risky extras off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload and hides the window until it is ready to show', () => {
    expect(web.preload).toBe('/app/dist/electron/preload.cjs');
    expect(options.show).toBe(false);
  });

  it('has a minimum size that fits the tables', () => {
    expect(options.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(options.minHeight).toBe(MIN_WINDOW_SIZE.height);
    expect(options.width).toBeGreaterThanOrEqual(MIN_WINDOW_SIZE.width);
    expect(options.height).toBeGreaterThanOrEqual(MIN_WINDOW_SIZE.height);
  });

  it('sets the icon only when one is given', () => {
    expect(options).not.toHaveProperty('icon');
    expect(createMainWindowOptions({ preloadPath: '/p.cjs', iconPath: '/icon.png' }).icon).toBe('/icon.png');
  });
});

describe('createPrintWindowOptions', () => {
  const options = createPrintWindowOptions({ preloadPath: '/app/dist/electron/print-preload.cjs' });

  it('is never shown and never throttled in the background, so its ready signal is not delayed', () => {
    expect(options.show).toBe(false);
    expect(options.webPreferences?.backgroundThrottling).toBe(false);
  });

  it('is as locked down as the main window, with the print preload', () => {
    expect(options.webPreferences).toMatchObject({ preload: '/app/dist/electron/print-preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });
});
