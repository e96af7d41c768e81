import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../renderer/i18n/i18n';
import { installKazakhPluralRule, KAZAKH_PLURAL_RULES } from '../../renderer/i18n/kazakhPlurals';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, rememberLanguage, storedLanguage } from '../../renderer/i18n/language';
import { bundledNamespaces } from '../../renderer/i18n/resources';

afterEach(() => {
  vi.unstubAllGlobals();
});

/**
 * Chromium without Kazakh ICU data: every locale it does not know resolves
 * to the default locale, here Russian (a Russian Windows).
 */
class ChromiumLikePluralRules extends Intl.PluralRules {
  constructor(locales?: string | string[], options?: Intl.PluralRulesOptions) {
    const requested = [locales ?? []].flat();
    super(requested.some((l) => l.toLowerCase().startsWith('kk')) ? 'ru' : locales, options);
  }
}

describe('Kazakh plurals', () => {
  it('uses the CLDR Kazakh rule even where the engine would answer with Russian rules', () => {
    vi.stubGlobal('Intl', { ...Intl, PluralRules: ChromiumLikePluralRules });
    expect(new Intl.PluralRules('kk').select(21)).toBe('one'); // the failure being worked around

    const i18n = createI18n('kk', { react: false });
    const resolver = i18n.services.pluralResolver as { getSuffix(code: string, count: number): string };
    expect(resolver.getSuffix('kk', 1)).toBe('_one');
    expect(resolver.getSuffix('kk', 21)).toBe('_other');
    expect(resolver.getSuffix('kk', 3)).toBe('_other');
    expect(resolver.getSuffix('ru', 21)).toBe('_one');
    expect(resolver.getSuffix('ru', 3)).toBe('_few');
    expect(resolver.getSuffix('ru', 5)).toBe('_many');
  });

  it('the Kazakh rule is CLDR kk: one for exactly 1, other otherwise', () => {
    expect([0, 1, 2, 5, 11, 21, 101].map((n) => KAZAKH_PLURAL_RULES.select(n))).toEqual(['other', 'one', 'other', 'other', 'other', 'other', 'other']);
    expect(KAZAKH_PLURAL_RULES.resolvedOptions().pluralCategories).toEqual(['one', 'other']);
  });

  it('refuses to install silently into a resolver it does not understand', () => {
    expect(() => installKazakhPluralRule({ pluralResolver: {} })).toThrow(/getRule/);
  });
});

describe('translations', () => {
  it('renders counted phrases in both languages', () => {
    const i18n = createI18n('ru', { react: false });
    const total = (lng: string, count: number) => i18n.t('accounts:list.total', { lng, count, formatted: String(count) });
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => total('ru', n))).toEqual([
      'Всего 1 клиент',
      'Всего 2 клиента',
      'Всего 5 клиентов',
      'Всего 11 клиентов',
      'Всего 21 клиент',
      'Всего 22 клиента',
      'Всего 25 клиентов',
    ]);
    expect([1, 2, 21].map((n) => total('kk', n))).toEqual(['Барлығы 1 клиент', 'Барлығы 2 клиент', 'Барлығы 21 клиент']);
  });

  it('switches language at once', async () => {
    const i18n = createI18n('ru', { react: false });
    expect(i18n.t('common:nav.accounts')).toBe('Клиенты');
    await i18n.changeLanguage('kk');
    expect(i18n.t('common:nav.accounts')).toBe('Клиенттер');
  });

  it('bundles the namespaces of docs/contracts.md', () => {
    expect(bundledNamespaces()).toEqual(expect.arrayContaining(['common', 'accounts', 'subscriptions', 'ledger', 'dates', 'catalog', 'settings']));
  });
});

describe('remembered language', () => {
  it('starts in Russian, then keeps the choice', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    expect(storedLanguage(storage)).toBe(DEFAULT_LANGUAGE);
    expect(DEFAULT_LANGUAGE).toBe('ru');
    rememberLanguage(storage, 'kk');
    expect(data.get(LANGUAGE_STORAGE_KEY)).toBe('kk');
    expect(storedLanguage(storage)).toBe('kk');
  });

  it('ignores a stored value that is not a UI language, and storage that throws', () => {
    expect(storedLanguage({ getItem: () => 'en' })).toBe('ru');
    expect(
      storedLanguage({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe('ru');
  });
});
