import type { i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppApi } from '../../shared/api';
import type { UiLanguage } from '../i18n/format';
import { rememberLanguage } from '../i18n/language';
import { useAppApi } from './services';

/**
 * Switches the whole UI at once (every component using `t` re-renders),
 * remembers the choice, keeps `<html lang>` right for screen readers and
 * hyphenation, and tells main so that the application menu follows.
 */
export function applyLanguage(i18n: I18n, api: AppApi, language: UiLanguage): void {
  void i18n.changeLanguage(language);
  rememberLanguage(window.localStorage, language);
  document.documentElement.lang = language;
  api.setLanguage(language).catch((error: unknown) => console.warn('setLanguage failed', error));
}

export function useSetLanguage(): (language: UiLanguage) => void {
  const { i18n } = useTranslation();
  const api = useAppApi();
  return useCallback((language: UiLanguage) => applyLanguage(i18n, api, language), [i18n, api]);
}
