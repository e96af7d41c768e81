import { z } from 'zod';
import { amountSchema, businessDateSchema, textSchema, TEXT_LIMITS } from './inputs';

/**
 * Building blocks of the stored records. Validation messages are i18n keys in
 * the `errors` namespace so that a form can show `t(issue.message)` directly.
 */

export const idSchema = z.string().min(1, { error: 'errors:validation.required' }).max(100);

/** A business date of a command's input: an existing day from 2000-01-01 to 2099-12-31 (inputs.ts businessDateSchema). */
export const isoDateSchema = businessDateSchema;

/** A date of a stored record: any existing 'YYYY-MM-DD' day (records stay readable whatever the input rules). */
export const storedIsoDateSchema = z.iso.date({ error: 'errors:date.invalid' });

/** Instants are stored in UTC ('2026-03-31T17:00:00.000Z'); offsets are accepted on input. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: 'errors:dateTime.invalid' });

export const tiynSchema = z.number({ error: 'errors:amount.notInteger' }).int({ error: 'errors:amount.notInteger' });

/** A command's amount: positive, whole, at most MAX_AMOUNT_TIYN (inputs.ts amountSchema). */
export const positiveTiynSchema = amountSchema;

export const localizedTextSchema = z.object({
  kk: textSchema({ max: TEXT_LIMITS.localizedName, requiredCode: 'errors:validation.required' }),
  ru: textSchema({ max: TEXT_LIMITS.localizedName, requiredCode: 'errors:validation.required' }),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const languageSchema = z.enum(['kk', 'ru']);
export type Language = z.infer<typeof languageSchema>;

/** A half-open period [start, end) of business days. */
export const periodSchema = z.object({ start: storedIsoDateSchema, end: storedIsoDateSchema });
export type Period = z.infer<typeof periodSchema>;

export type { IsoDate, IsoDateTime, Tiyn } from '../billing/types';
