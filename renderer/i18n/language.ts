import type { UiLanguage } from './format';

/** The UI language chosen by the user, remembered across restarts. */
export const LANGUAGE_STORAGE_KEY = 'esep.language';
/** The first start shows Russian until the user picks a language. */
export const DEFAULT_LANGUAGE: UiLanguage = 'ru';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'kk' || value === 'ru';
}

export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined): UiLanguage {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isUiLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage may be unavailable (privacy mode, sandboxed test context): fall back, never fail the start.
    return DEFAULT_LANGUAGE;
  }
}

export function rememberLanguage(storage: Pick<Storage, 'setItem'> | undefined, language: UiLanguage): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembering is acceptable; the switch itself still applies.
  }
}
