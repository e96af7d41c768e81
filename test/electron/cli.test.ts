import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../electron/cli';
import { DEFAULT_DEMO_SIZE, MAX_DEMO_SIZE, parseDemoSize } from '../../shared/api/demo-size';

describe('parseCommandLine', () => {
  it('asks for no demo data without --demo', () => {
    expect(parseCommandLine(['/usr/bin/electron', '.'])).toEqual({ demoRequested: null });
  });

  it('asks for the default 2000 with a bare --demo', () => {
    expect(DEFAULT_DEMO_SIZE).toBe(2000);
    expect(parseCommandLine(['/usr/bin/electron', '.', '--demo'])).toEqual({ demoRequested: 2000 });
  });

  it('reads the size from --demo=N, wherever it stands among Chromium switches', () => {
    expect(parseCommandLine(['C:\\Esep\\Esep Back-office.exe', '--demo=5000', '--enable-logging'])).toEqual({ demoRequested: 5000 });
    expect(parseCommandLine(['electron', '--inspect=0', '--remote-debugging-port=0', '.', '--demo=7'])).toEqual({ demoRequested: 7 });
  });

  it('refuses sizes that are not positive integers within bounds', () => {
    for (const bad of ['--demo=0', '--demo=-5', '--demo=1.5', '--demo=abc', '--demo=1e3', `--demo=${MAX_DEMO_SIZE + 1}`]) {
      expect(parseCommandLine(['electron', '.', bad]), bad).toEqual({ demoRequested: null });
    }
  });

  it('does not mistake look-alike switches for --demo', () => {
    expect(parseCommandLine(['electron', '.', '--demonstrate', '--no-demo', 'demo'])).toEqual({ demoRequested: null });
  });

  it('lets the last --demo win', () => {
    expect(parseCommandLine(['electron', '.', '--demo=10', '--demo'])).toEqual({ demoRequested: 2000 });
  });
});

describe('parseDemoSize', () => {
  it('takes an empty value as the default and trims blanks', () => {
    expect(parseDemoSize('')).toBe(DEFAULT_DEMO_SIZE);
    expect(parseDemoSize(' 300 ')).toBe(300);
    expect(parseDemoSize(String(MAX_DEMO_SIZE))).toBe(MAX_DEMO_SIZE);
  });
});
