#!/usr/bin/env node
// Starts the desktop app: `node scripts/start-electron.mjs . [--demo]` (npm start, npm run demo).
//
// The Electron binary is not in the npm package; electron downloads it on
// first use. Where that download cannot happen, `electron .` dies with a
// stack trace. This script finds the binary the way electron/index.js does
// (node_modules/electron/path.txt + dist/), runs electron's own installer
// once if it is missing, and, if that fails, prints one message with the
// cause and the browser-mode command, and exits 1. Otherwise it runs the
// binary with the arguments, inheriting stdio, and forwards its exit code.
// The decision logic takes its file system and processes as parameters
// (test/electron/start-electron.test.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BROWSER_MODE_URL = 'http://localhost:4173/?demo=2000';

/**
 * Where the Electron binary is, as electron/index.js computes it, or null
 * when path.txt is missing (not installed).
 * @param {{ electronDir: string, env: Record<string, string | undefined>, fs: { existsSync(p: string): boolean, readFileSync(p: string, enc: 'utf8'): string } }} deps
 * @returns {string | null}
 */
export function electronBinaryPath({ electronDir, env, fs: files }) {
  const pathFile = path.join(electronDir, 'path.txt');
  const executable = files.existsSync(pathFile) ? files.readFileSync(pathFile, 'utf8') : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
  return executable ? path.join(electronDir, 'dist', executable) : null;
}

/**
 * The one line that says why the installer failed, from its captured output:
 * Node's fetch debug line (`NODE_DEBUG=fetch`) names the network error and the
 * URL; otherwise the first `SomethingError: …` line; otherwise the last line.
 * @param {string} output
 * @param {number | null} status
 * @returns {string}
 */
export function installerFailureCause(output, status) {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  for (const line of lines) {
    const fetchError = /^FETCH \d+: request to (\S+) (\S+) errored - (.+)$/.exec(line);
    if (fetchError) return `${fetchError[3]} (${fetchError[1]} ${fetchError[2]})`;
  }
  const errorLine = lines.find((line) => /^[A-Za-z]*Error\b.*:/.test(line) && !/^at /.test(line));
  if (errorLine) return errorLine;
  const last = lines.filter((line) => !/^(at |FETCH \d+:)/.test(line)).at(-1);
  return last ?? `the installer exited with ${status === null ? 'a signal' : `code ${status}`}`;
}

/**
 * @param {string} cause
 * @param {string} [problem]
 * @returns {string}
 */
export function failureMessage(cause, problem = 'the Electron binary is not installed and downloading it failed') {
  return [
    `Cannot start the desktop app: ${problem}.`,
    `  Cause: ${cause}`,
    'Use browser mode instead (the same app, in any Chromium):',
    `  npm run web    then open ${BROWSER_MODE_URL}`,
    'To retry the download later (about 100 MB): node node_modules/electron/install.js',
  ].join('\n');
}

/**
 * @typedef {object} StartDeps
 * @property {string[]} args arguments for Electron (`.`, `--demo`)
 * @property {string} electronDir the electron package folder
 * @property {Record<string, string | undefined>} env
 * @property {{ existsSync(p: string): boolean, readFileSync(p: string, enc: 'utf8'): string }} fs
 * @property {() => Promise<{ status: number | null, output: string }>} runInstaller runs node_modules/electron/install.js, output captured
 * @property {(binary: string, args: string[]) => Promise<number>} runElectron runs the binary, stdio inherited; resolves with its exit code
 * @property {(line: string) => void} info progress for the developer (stdout)
 * @property {(message: string) => void} error the failure message (stderr)
 */

/**
 * Finds (or installs once) the Electron binary and runs it. Resolves with
 * the exit code for the process: Electron's own, or 1 when it cannot start.
 * @param {StartDeps} deps
 * @returns {Promise<number>}
 */
export async function startElectron(deps) {
  const { args, electronDir, env, fs: files, runInstaller, runElectron, info, error } = deps;
  let binary = electronBinaryPath({ electronDir, env, fs: files });
  if (binary === null || !files.existsSync(binary)) {
    info('The Electron binary is not installed yet; downloading it once (about 100 MB)…');
    const result = await runInstaller();
    binary = electronBinaryPath({ electronDir, env, fs: files });
    if (result.status !== 0 || binary === null || !files.existsSync(binary)) {
      const cause =
        result.status !== 0 ? installerFailureCause(result.output, result.status) : `the installer finished but ${binary ?? 'path.txt'} does not exist`;
      error(failureMessage(cause));
      return 1;
    }
  }
  try {
    return await runElectron(binary, args);
  } catch (cause) {
    error(failureMessage(`${cause instanceof Error ? cause.message : String(cause)} (${binary})`, 'the Electron binary could not be run'));
    return 1;
  }
}

/** electron's installer, output captured; NODE_DEBUG=fetch makes Node name the network error its message hides. */
function runInstallerProcess(electronDir, env) {
  return new Promise((resolve) => {
    const nodeDebug = [env.NODE_DEBUG, 'fetch'].filter(Boolean).join(',');
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
      cwd: electronDir,
      env: { ...env, NODE_DEBUG: nodeDebug },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (cause) => resolve({ status: null, output: `${output}\nError: ${cause.message}` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** Runs Electron like electron/cli.js: stdio inherited, Ctrl+C and SIGTERM passed on, exit code forwarded. */
function runElectronProcess(binary, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: 'inherit', windowsHide: false });
    const forward = (signal) => () => child.kill(signal);
    const handlers = ['SIGINT', 'SIGTERM'].map((signal) => [signal, forward(signal)]);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const [name, handler] of handlers) process.off(name, handler);
      if (code === null) console.error(`Electron exited with signal ${signal}`);
      resolve(code ?? 1);
    });
  });
}

async function main() {
  const env = process.env;
  // ESEP_ELECTRON_DIR: another electron package folder (tests).
  const electronDir = env.ESEP_ELECTRON_DIR ?? path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const code = await startElectron({
    args: process.argv.slice(2),
    electronDir,
    env,
    fs,
    runInstaller: () => runInstallerProcess(electronDir, env),
    runElectron: runElectronProcess,
    info: (line) => console.log(line),
    error: (message) => console.error(message),
  });
  process.exit(code);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
