/**
 * Kazakh plural rule for i18next in Chromium.
 *
 * Chromium's ICU has no Kazakh data, so `new Intl.PluralRules('kk')` quietly
 * resolves to the default locale: on a Russian Windows that is Russian, whose
 * categories (one/few/many/other) do not match the Kazakh keys. CLDR's Kazakh
 * rule is simple (one: n = 1; other: everything else), so we supply it.
 */
export const KAZAKH_PLURAL_RULES = {
  select(count: number): Intl.LDMLPluralRule {
    return count === 1 ? 'one' : 'other';
  },
  resolvedOptions(): { pluralCategories: Intl.LDMLPluralRule[]; locale: string } {
    return { pluralCategories: ['one', 'other'], locale: 'kk' };
  },
};

interface PluralResolverLike {
  getRule(code: string, options?: { ordinal?: boolean }): unknown;
}

function isPluralResolverLike(value: unknown): value is PluralResolverLike {
  return typeof value === 'object' && value !== null && typeof (value as PluralResolverLike).getRule === 'function';
}

/** True when this engine really has Kazakh plural data (Node's full ICU does; Chromium does not). */
export function engineHasKazakhPlurals(): boolean {
  return Intl.PluralRules.supportedLocalesOf(['kk']).length > 0;
}

/**
 * Makes i18next's plural resolver answer Kazakh cardinals with the CLDR rule.
 * Installed unconditionally so that the same rule is used in Node tests and in
 * Chromium; throws if i18next's internals change so that this would silently stop working.
 */
export function installKazakhPluralRule(services: { pluralResolver: unknown }): void {
  const resolver = services.pluralResolver;
  if (!isPluralResolverLike(resolver)) {
    throw new Error('i18next plural resolver has no getRule(): the Kazakh plural rule cannot be installed');
  }
  const original = resolver.getRule.bind(resolver);
  resolver.getRule = (code, options = {}) => {
    const language = code.split(/[-_]/)[0]?.toLowerCase();
    if (language === 'kk' && !options.ordinal) return KAZAKH_PLURAL_RULES;
    return original(code, options);
  };
}
