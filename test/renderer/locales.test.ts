import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LOCALES = join(__dirname, '../../locales');
/** Every namespace there is: a new one is checked without anyone adding it to a list. */
const NAMESPACES = readdirSync(join(LOCALES, 'ru'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const CATEGORIES = { kk: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] } as const;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function leaves(value: Json, prefix = ''): Map<string, Json> {
  const out = new Map<string, Json>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, leaf] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
    }
  } else out.set(prefix, value);
  return out;
}

const read = (lang: string, ns: string) => JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Json;

describe.each(NAMESPACES)('locales/*/%s.json', (ns) => {
  const kk = leaves(read('kk', ns));
  const ru = leaves(read('ru', ns));
  const base = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(PLURAL_SUFFIX, '')));

  it('has exactly the same keys in kk and ru (Kazakh carries copies of _other as _few and _many)', () => {
    expect([...kk.keys()].sort()).toEqual([...ru.keys()].sort());
  });

  it('has every plural category each language needs', () => {
    for (const [lang, map] of [['kk', kk], ['ru', ru]] as const) {
      const plural = [...map.keys()].filter((k) => PLURAL_SUFFIX.test(k));
      for (const key of base(plural)) {
        for (const category of CATEGORIES[lang]) expect(map.has(`${key}_${category}`), `${lang} ${key}_${category}`).toBe(true);
      }
    }
  });

  it('has no empty strings, and Kazakh text is not Russian text', () => {
    for (const [key, value] of kk) {
      expect(value, `kk ${key}`).not.toBe('');
      const ruValue = ru.get(key);
      // Brand names, endonyms and pure patterns may be identical; sentences may not.
      if (typeof value === 'string' && typeof ruValue === 'string' && value.split(' ').length > 3) {
        expect(value, `kk ${key} is a copy of ru`).not.toBe(ruValue);
      }
    }
  });
});

/** String, template and JSX text literals containing Cyrillic; comments may quote Kazakh. */
function cyrillicLiterals(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) && /[\u0400-\u04ff]/.test(node.getText())) {
      found.push(`${path}: ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('renderer UI code', () => {
  const renderer = join(__dirname, '../../renderer');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      // store/ and platform/ belong to other engineers and are checked in their tests.
      if (entry.isDirectory() && !(dir === renderer && ['store', 'platform'].includes(entry.name))) walk(path);
      else if (entry.isFile() && /\.tsx?$/.test(entry.name)) files.push(path);
    }
  };
  walk(renderer);

  it('has no Cyrillic string literals: every user-visible text lives in locales/', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(cyrillicLiterals)).toEqual([]);
  });

  it('the check finds Cyrillic in literals and JSX text, not in comments', () => {
    const probe = join(__dirname, 'fixtures', 'cyrillic-probe.tsx');
    expect(cyrillicLiterals(probe).map((hit) => hit.split(': ')[1])).toEqual(["'Клиенты'", '`Всего ${', 'Барлығы']);
  });
});

/** Screens whose literal `t('key')` calls are checked against both languages. */
const KEYED_FILES = [
  'renderer/pages/subscriptions/RefundsPage.tsx',
  'renderer/pages/subscriptions/RenewalsPage.tsx',
  'renderer/app/RenewalReminder.tsx',
  'renderer/pages/ledger/LedgerPage.tsx',
  'renderer/pages/ledger/LedgerTotalsCard.tsx',
  'renderer/pages/ledger/LedgerEntriesTable.tsx',
  'renderer/pages/incidents/IncidentsPage.tsx',
  'renderer/pages/incidents/IncidentsTable.tsx',
  'renderer/pages/incidents/NewIncidentModal.tsx',
  'renderer/pages/incidents/CloseIncidentModal.tsx',
  'renderer/pages/incidents/AvailabilityPanel.tsx',
  'renderer/pages/incidents/incidentTime.ts',
];

/** `t('key'…)` calls with a literal key, resolved against the file's `useTranslation('<ns>')`. */
function literalKeys(file: string): { ns: string; key: string }[] {
  const source = readFileSync(join(__dirname, '../..', file), 'utf8');
  const ns = /useTranslation\('([a-z]+)'\)/.exec(source)?.[1] ?? 'common';
  return [...source.matchAll(/\bt\('([^'$`]+)'/g)].map(([, raw]) => {
    const [first, rest] = raw!.split(':');
    return rest === undefined ? { ns, key: first! } : { ns: first!, key: rest };
  });
}

describe('the lifecycle screens ask only for keys that exist', () => {
  it.each(KEYED_FILES)('%s', (file) => {
    const keys = literalKeys(file);
    expect(keys.length).toBeGreaterThan(2);
    for (const lang of ['kk', 'ru'] as const) {
      for (const { ns, key } of keys) {
        const map = leaves(read(lang, ns));
        expect(map.has(key) || map.has(`${key}_one`), `${lang} ${ns}:${key} (${file})`).toBe(true);
      }
    }
  });
});
