import { parseDemoSize } from '../shared/api/demo-size';

export interface CommandLineOptions {
  /** Demo-data size from `--demo` (default size) or `--demo=N`, else null. */
  demoRequested: number | null;
  /** `--user-data-dir=PATH`: a separate data folder (tests, a second trial set-up), else null for the default. */
  userDataDir: string | null;
}

/**
 * Reads our switches from `process.argv`. Chromium and Playwright add their
 * own switches, and the packaged app sees the executable path first, so
 * unknown arguments are ignored rather than rejected. The last occurrence wins.
 */
export function parseCommandLine(argv: readonly string[]): CommandLineOptions {
  let demoRequested: number | null = null;
  let userDataDir: string | null = null;
  for (const arg of argv) {
    if (arg === '--demo') demoRequested = parseDemoSize('');
    else if (arg.startsWith('--demo=')) demoRequested = parseDemoSize(arg.slice('--demo='.length));
    else if (arg.startsWith('--user-data-dir=')) userDataDir = arg.slice('--user-data-dir='.length).trim() || null;
  }
  return { demoRequested, userDataDir };
}
