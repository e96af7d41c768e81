import { readFile } from 'node:fs/promises';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';
import { APP_ID, APP_INDEX_URL, APP_ORIGIN, PRODUCT_NAME } from '../../electron/app-identity';

// These values key the users' data (IndexedDB origin, userData folder, Windows app id):
// a change is a data-loss bug, so the test pins them literally.
describe('app identity', () => {
  it('is pinned', () => {
    expect(APP_ID).toBe('kz.esep.backoffice');
    expect(PRODUCT_NAME).toBe('Esep Back-office');
    expect(APP_ORIGIN).toBe('app://backoffice');
    expect(APP_INDEX_URL).toBe('app://backoffice/index.html');
  });

  it('agrees with package.json', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { productName: string; main: string };
    expect(pkg.productName).toBe(PRODUCT_NAME);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });
});

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration with the pinned identity and a per-user NSIS installer', async () => {
    const config = await getConfig(process.cwd(), null, null);
    // validateConfiguration normalizes its argument in place; validate a copy.
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.asar).toBe(true);
    // getConfig normalizes `files` into filter objects; look at the patterns themselves.
    const patterns = JSON.stringify(config.files);
    for (const pattern of ['"dist/**/*"', '"package.json"', '"!node_modules"']) expect(patterns).toContain(pattern);
    expect(JSON.stringify(config.win?.target)).toContain('nsis');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    expect(config.nsis?.installerLanguages).toEqual(expect.arrayContaining(['kk_KZ', 'ru_RU']));
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
  });

  it('points at icons that exist: a 256×256 PNG and a Windows .ico', async () => {
    const config = await getConfig(process.cwd(), null, null);
    const png = await readFile('resources/icons/icon.png');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256]);
    const ico = await readFile(String(config.win?.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type icon
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4); // several sizes
    expect(ico[6]).toBe(0); // first entry: 0 means 256 px
  });
});
