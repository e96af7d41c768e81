import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../electron/cli';
import { DEFAULT_DEMO_SIZE, MAX_DEMO_SIZE, parseDemoSize } from '../../shared/api/demo-size';

describe('parseCommandLine', () => {
  it('asks for no demo data without --demo', () => {
    expect(parseCommandLine(['/usr/bin/electron', '.'])).toEqual({ demoRequested: null, userDataDir: null });
  });

  it('asks for the default 2000 with a bare --demo', () => {
    expect(DEFAULT_DEMO_SIZE).toBe(2000);
    expect(parseCommandLine(['/usr/bin/electron', '.', '--demo'])).toEqual({ demoRequested: 2000, userDataDir: null });
  });

  it('reads the size from --demo=N, wherever it stands among Chromium switches', () => {
    expect(parseCommandLine(['C:\\Esep\\Esep Back-office.exe', '--demo=5000', '--enable-logging'])).toEqual({ demoRequested: 5000, userDataDir: null });
    expect(parseCommandLine(['electron', '--inspect=0', '--remote-debugging-port=0', '.', '--demo=7'])).toEqual({ demoRequested: 7, userDataDir: null });
  });

  it('refuses sizes that are not positive integers within bounds', () => {
    for (const bad of ['--demo=0', '--demo=-5', '--demo=1.5', '--demo=abc', '--demo=1e3', `--demo=${MAX_DEMO_SIZE + 1}`]) {
      expect(parseCommandLine(['electron', '.', bad]), bad).toEqual({ demoRequested: null, userDataDir: null });
    }
  });

  it('does not mistake look-alike switches for --demo', () => {
    expect(parseCommandLine(['electron', '.', '--demonstrate', '--no-demo', 'demo'])).toEqual({ demoRequested: null, userDataDir: null });
  });

  it('lets the last --demo win', () => {
    expect(parseCommandLine(['electron', '.', '--demo=10', '--demo'])).toEqual({ demoRequested: 2000, userDataDir: null });
  });
});

describe('--user-data-dir', () => {
  it('reads a separate data folder, keeping spaces inside the path', () => {
    expect(parseCommandLine(['electron', '.', '--user-data-dir=/tmp/esep e2e']).userDataDir).toBe('/tmp/esep e2e');
    expect(parseCommandLine(['x.exe', '--user-data-dir=C:\\Temp\\Esep', '--demo']).userDataDir).toBe('C:\\Temp\\Esep');
  });

  it('ignores an empty value', () => {
    expect(parseCommandLine(['electron', '.', '--user-data-dir=']).userDataDir).toBeNull();
  });
});

describe('parseDemoSize', () => {
  it('takes an empty value as the default and trims blanks', () => {
    expect(parseDemoSize('')).toBe(DEFAULT_DEMO_SIZE);
    expect(parseDemoSize(' 300 ')).toBe(300);
    expect(parseDemoSize(String(MAX_DEMO_SIZE))).toBe(MAX_DEMO_SIZE);
  });
});
