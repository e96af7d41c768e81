// Types for scripts/start-electron.mjs (plain JavaScript so that `npm start` needs no build step).

export interface FileSystem {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
}

export interface InstallerResult {
  status: number | null;
  output: string;
}

export interface StartDeps {
  args: string[];
  electronDir: string;
  env: Record<string, string | undefined>;
  fs: FileSystem;
  runInstaller(): Promise<InstallerResult>;
  runElectron(binary: string, args: string[]): Promise<number>;
  info(line: string): void;
  error(message: string): void;
}

export const BROWSER_MODE_URL: string;
export function electronBinaryPath(deps: { electronDir: string; env: Record<string, string | undefined>; fs: FileSystem }): string | null;
export function installerFailureCause(output: string, status: number | null): string;
export function failureMessage(cause: string, problem?: string): string;
export function startElectron(deps: StartDeps): Promise<number>;
