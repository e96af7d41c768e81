import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from './format';
import { installKazakhPluralRule } from './kazakhPlurals';
import { bundledNamespaces, bundledResources, LANGUAGES } from './resources';

/** A ready i18next instance with every bundled namespace; synchronous because resources are bundled. */
export function createI18n(language: UiLanguage, options: { react?: boolean } = {}): I18n {
  const instance = i18next.createInstance();
  if (options.react !== false) instance.use(initReactI18next);
  void instance.init({
    resources: bundledResources(),
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: bundledNamespaces(),
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  installKazakhPluralRule(instance.services);
  return instance;
}
