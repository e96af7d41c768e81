import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../i18n/format';
import { isUiLanguage, DEFAULT_LANGUAGE } from '../i18n/language';

/** The current UI language as the app's own type; re-renders on every switch. */
export function useUiLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isUiLanguage(language) ? language : DEFAULT_LANGUAGE;
}
