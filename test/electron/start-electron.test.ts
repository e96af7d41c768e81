import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { BROWSER_MODE_URL, electronBinaryPath, installerFailureCause, startElectron, type InstallerResult } from '../../scripts/start-electron.mjs';

const ELECTRON_DIR = path.join('/repo', 'node_modules', 'electron');
const BINARY = path.join(ELECTRON_DIR, 'dist', 'electron');

/** What electron's install.js prints when the download host cannot be resolved (run with NODE_DEBUG=fetch). */
const OFFLINE_OUTPUT = [
  'FETCH 6005: connecting to github.com using https:undefined',
  'FETCH 6005: connection to github.com using https:undefined errored - getaddrinfo ENOTFOUND github.com',
  'FETCH 6005: request to GET https://github.com//electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip errored - getaddrinfo ENOTFOUND github.com',
  'TypeError: fetch failed',
  '    at node:internal/deps/undici/undici:14976:13',
  '    at async FetchDownloader.download (file:///repo/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
  '    at async downloadArtifact (file:///repo/node_modules/@electron/get/dist/index.js:154:12)',
].join('\n');

/** A file system with just these files; `install` adds files as a successful installer would. */
function fakeFs(files: Record<string, string>) {
  return {
    files,
    existsSync: (p: string) => p in files,
    readFileSync: (p: string) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return files[p]!;
    },
  };
}

function deps(files: Record<string, string>, installer: (fs: ReturnType<typeof fakeFs>) => InstallerResult, overrides: { runElectron?: Mock<(binary: string, args: string[]) => Promise<number>> } = {}) {
  const fs = fakeFs(files);
  const d = {
    args: ['.', '--demo'],
    electronDir: ELECTRON_DIR,
    env: {},
    fs,
    runInstaller: vi.fn(async () => installer(fs)),
    runElectron: vi.fn(async (_binary: string, _args: string[]) => 0),
    info: vi.fn<(line: string) => void>(),
    error: vi.fn<(message: string) => void>(),
    ...overrides,
  };
  return d;
}

const installed = { [path.join(ELECTRON_DIR, 'path.txt')]: 'electron', [BINARY]: '<binary>' };
const succeeds = (fs: ReturnType<typeof fakeFs>): InstallerResult => {
  Object.assign(fs.files, installed);
  return { status: 0, output: '' };
};
const offline = (): InstallerResult => ({ status: 1, output: OFFLINE_OUTPUT });

describe('startElectron', () => {
  it('runs an installed binary with the arguments and forwards its exit code, without the installer', async () => {
    const d = deps({ ...installed }, succeeds, { runElectron: vi.fn(async () => 3) });
    expect(await startElectron(d)).toBe(3);
    expect(d.runElectron).toHaveBeenCalledWith(BINARY, ['.', '--demo']);
    expect(d.runInstaller).not.toHaveBeenCalled();
    expect(d.error).not.toHaveBeenCalled();
  });

  it('runs electron’s installer once when the binary is missing, then starts it', async () => {
    for (const files of [{}, { [path.join(ELECTRON_DIR, 'path.txt')]: 'electron' }]) {
      const d = deps({ ...files }, succeeds);
      expect(await startElectron(d)).toBe(0);
      expect(d.runInstaller).toHaveBeenCalledOnce();
      expect(d.info).toHaveBeenCalledWith(expect.stringContaining('downloading it once'));
      expect(d.runElectron).toHaveBeenCalledWith(BINARY, ['.', '--demo']);
    }
  });

  it('when the download fails: one message with the cause and browser mode, no stack trace, exit 1', async () => {
    const d = deps({ [path.join(ELECTRON_DIR, 'path.txt')]: 'electron' }, offline);
    expect(await startElectron(d)).toBe(1);
    expect(d.runInstaller).toHaveBeenCalledOnce();
    expect(d.runElectron).not.toHaveBeenCalled();
    expect(d.error).toHaveBeenCalledOnce();
    const message = d.error.mock.calls[0]![0] as string;
    expect(message).toContain('Electron binary is not installed and downloading it failed');
    expect(message).toContain(
      'Cause: getaddrinfo ENOTFOUND github.com (GET https://github.com//electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip)',
    );
    expect(message).toContain('npm run web');
    expect(message).toContain(BROWSER_MODE_URL);
    expect(BROWSER_MODE_URL).toBe('http://localhost:4173/?demo=2000');
    expect(message).not.toMatch(/^\s+at /m);
    expect(message).not.toContain('fetch failed');
  });

  it('says so when the installer succeeds but leaves no binary', async () => {
    const d = deps({}, () => ({ status: 0, output: '' }));
    expect(await startElectron(d)).toBe(1);
    expect(d.error.mock.calls[0]![0]).toContain('the installer finished but path.txt does not exist');
  });

  it('reports a binary that cannot be run (e.g. not executable) the same way', async () => {
    const d = deps({ ...installed }, succeeds, { runElectron: vi.fn(async () => Promise.reject(new Error('spawn EACCES'))) });
    expect(await startElectron(d)).toBe(1);
    const message = d.error.mock.calls[0]![0] as string;
    expect(message).toContain('the Electron binary could not be run');
    expect(message).toContain(`Cause: spawn EACCES (${BINARY})`);
    expect(message).toContain('npm run web');
  });
});

describe('electronBinaryPath (as electron/index.js finds it)', () => {
  it('reads path.txt and looks under dist/, or honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const fs = fakeFs({ [path.join(ELECTRON_DIR, 'path.txt')]: 'electron.exe' });
    expect(electronBinaryPath({ electronDir: ELECTRON_DIR, env: {}, fs })).toBe(path.join(ELECTRON_DIR, 'dist', 'electron.exe'));
    expect(electronBinaryPath({ electronDir: ELECTRON_DIR, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, fs })).toBe(path.join('/opt/electron', 'electron.exe'));
    expect(electronBinaryPath({ electronDir: ELECTRON_DIR, env: {}, fs: fakeFs({}) })).toBeNull();
    expect(electronBinaryPath({ electronDir: ELECTRON_DIR, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, fs: fakeFs({}) })).toBe(path.join('/opt/electron', 'electron'));
  });
});

describe('installerFailureCause', () => {
  it('takes the network error from Node’s fetch debug line', () => {
    expect(installerFailureCause(OFFLINE_OUTPUT, 1)).toMatch(/^getaddrinfo ENOTFOUND github\.com \(GET https:/);
  });

  it('otherwise takes the error line, or the last line, or the exit status', () => {
    const http = 'HTTPError: Response code 404 (Not Found) for https://github.com/electron/electron/releases/download/v45.4.1/x.zip\n    at FetchDownloader.download (x.js:1:1)';
    expect(installerFailureCause(http, 1)).toBe('HTTPError: Response code 404 (Not Found) for https://github.com/electron/electron/releases/download/v45.4.1/x.zip');
    expect(installerFailureCause('Error: Generated checksum for "electron.zip" did not match expected checksum.\n    at x', 1)).toBe(
      'Error: Generated checksum for "electron.zip" did not match expected checksum.',
    );
    expect(installerFailureCause('something odd happened\n', 1)).toBe('something odd happened');
    expect(installerFailureCause('', 9)).toBe('the installer exited with code 9');
    expect(installerFailureCause('', null)).toBe('the installer exited with a signal');
  });
});

describe('node scripts/start-electron.mjs (the real process)', () => {
  const script = path.join(__dirname, '../../scripts/start-electron.mjs');
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('offline: prints the message, not the installer’s stack trace, and exits 1', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fake-electron-'));
    // Like electron's install.js offline: the stack on stderr; the cause only with NODE_DEBUG=fetch.
    writeFileSync(
      path.join(dir, 'install.js'),
      `if ((process.env.NODE_DEBUG || '').split(',').includes('fetch')) console.error('FETCH 1: request to GET https://github.com/x.zip errored - getaddrinfo EAI_AGAIN github.com');
       console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13');
       process.exit(1);`,
    );
    const run = spawnSync(process.execPath, [script, '.', '--demo'], { env: { ...process.env, ESEP_ELECTRON_DIR: dir, NODE_DEBUG: '' }, encoding: 'utf8', timeout: 15_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('downloading it once');
    expect(run.stderr).toContain('Cause: getaddrinfo EAI_AGAIN github.com (GET https://github.com/x.zip)');
    expect(run.stderr).toContain(`npm run web    then open ${BROWSER_MODE_URL}`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr.trim().split('\n')[0]).toBe('Cannot start the desktop app: the Electron binary is not installed and downloading it failed.');
  });

  it('installed: runs the binary with the arguments and exits with its code', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fake-electron-'));
    // Node itself stands in for the Electron binary.
    writeFileSync(path.join(dir, 'path.txt'), path.basename(process.execPath));
    writeFileSync(path.join(dir, 'install.js'), 'process.exit(5);');
    const run = spawnSync(process.execPath, [script, '-e', 'console.log("args", process.argv.slice(1).join(" ")); process.exit(7)', 'x', '--demo'], {
      env: { ...process.env, ESEP_ELECTRON_DIR: dir, ELECTRON_OVERRIDE_DIST_PATH: path.dirname(process.execPath) },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('args x --demo\n');
    expect(run.status).toBe(7);
  });
});
