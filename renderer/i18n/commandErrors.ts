import type { TFunction } from 'i18next';
import { isCommandError } from '../../core';
import { decodeValidationMessage } from './formResolver';
import { formatDateLong, formatMoney, type UiLanguage } from './format';

/** Parameters of command errors that carry tiyn; shown as money, never as raw integers. */
const MONEY_PARAMS = new Set(['required', 'available', 'amount', 'price', 'balance']);
const DATE_PARAM = /^\d{4}-\d{2}-\d{2}$/;

function displayParams(t: TFunction, params: Record<string, unknown> | undefined, language: UiLanguage): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (MONEY_PARAMS.has(name) && typeof value === 'number' && Number.isSafeInteger(value)) shown[name] = formatMoney(value);
    else if (name === 'role' && typeof value === 'string') shown[name] = t(`domain:staffRole.${value}`);
    else if (name === 'status' && typeof value === 'string') shown[name] = t(`domain:subscriptionStatus.${value}`, { defaultValue: t(`domain:decisionStatus.${value}`, { defaultValue: value }) });
    else if (typeof value === 'string' && DATE_PARAM.test(value)) shown[name] = formatDateLong(value, language);
    else shown[name] = value;
  }
  return shown;
}

/**
 * The text to show for any failure of a command: a CommandError's i18n key
 * with its parameters formatted for people; anything else is an unexpected
 * fault, shown as a generic message (the raw exception is for the console).
 */
export function commandErrorText(t: TFunction, error: unknown, language: UiLanguage): string {
  if (isCommandError(error)) return t(error.code, displayParams(t, error.params, language));
  console.error(error);
  return t('common:errors.unexpected');
}

/** A form validation message is an `errors:` key from the zod schema; other strings pass through. */
export function validationText(t: TFunction, message: unknown): string | undefined {
  if (typeof message !== 'string' || message === '') return undefined;
  const { code, params } = decodeValidationMessage(message);
  return params === undefined ? t(code) : t(code, params);
}
