import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The namespaces of the refunds register, the renewal runs and the ledger
 * section: the same keys in Kazakh and Russian, every plural category, no
 * copied Russian sentences in Kazakh, and every literal key the screens ask
 * for present in both languages.
 */
const ROOT = join(__dirname, '../..');
const LANGS = ['kk', 'ru'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const CATEGORIES = { kk: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] } as const;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function leaves(value: Json, prefix = ''): Map<string, Json> {
  const out = new Map<string, Json>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) for (const [path, leaf] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
  } else out.set(prefix, value);
  return out;
}

const read = (lang: string, ns: string) => leaves(JSON.parse(readFileSync(join(ROOT, 'locales', lang, `${ns}.json`), 'utf8')) as Json);
const base = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(PLURAL_SUFFIX, '')));

describe.each(['refunds', 'renewals'])('locales/*/%s.json', (ns) => {
  const kk = read('kk', ns);
  const ru = read('ru', ns);

  it('has the same keys in kk and ru (plural forms aside) and every plural category', () => {
    expect([...base(kk.keys())].sort()).toEqual([...base(ru.keys())].sort());
    for (const [lang, map] of [['kk', kk], ['ru', ru]] as const) {
      for (const key of base([...map.keys()].filter((k) => PLURAL_SUFFIX.test(k)))) {
        for (const category of CATEGORIES[lang]) expect(map.has(`${key}_${category}`), `${lang} ${ns}:${key}_${category}`).toBe(true);
      }
    }
  });

  it('has no empty strings, and Kazakh sentences are not Russian ones', () => {
    for (const [key, value] of kk) {
      expect(value, `kk ${key}`).not.toBe('');
      const ruValue = ru.get(key);
      if (typeof value === 'string' && value.split(' ').length > 3) expect(value, `kk ${key} is a copy of ru`).not.toBe(ruValue);
    }
  });
});

const FILES = [
  'renderer/pages/subscriptions/RefundsPage.tsx',
  'renderer/pages/subscriptions/RenewalsPage.tsx',
  'renderer/app/RenewalReminder.tsx',
  'renderer/pages/ledger/LedgerPage.tsx',
  'renderer/pages/ledger/LedgerTotalsCard.tsx',
  'renderer/pages/ledger/LedgerEntriesTable.tsx',
];

/** `t('key'…)` calls with a literal key, resolved against the file's `useTranslation('<ns>')`. */
function literalKeys(file: string): { ns: string; key: string }[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const ns = /useTranslation\('([a-z]+)'\)/.exec(source)?.[1] ?? 'common';
  return [...source.matchAll(/\bt\('([^'$`]+)'/g)].map(([, raw]) => {
    const [first, rest] = raw!.split(':');
    return rest === undefined ? { ns, key: first! } : { ns: first!, key: rest };
  });
}

describe('the lifecycle screens ask only for keys that exist', () => {
  it.each(FILES)('%s', (file) => {
    const keys = literalKeys(file);
    expect(keys.length).toBeGreaterThan(2);
    for (const lang of LANGS) {
      for (const { ns, key } of keys) {
        const map = read(lang, ns);
        expect(map.has(key) || map.has(`${key}_one`), `${lang} ${ns}:${key} (${file})`).toBe(true);
      }
    }
  });
});
