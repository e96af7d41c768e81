import { z } from 'zod';

/**
 * Building blocks of the stored records. Validation messages are i18n keys in
 * the `errors` namespace so that a form can show `t(issue.message)` directly.
 */

export const idSchema = z.string().min(1, { error: 'errors:validation.required' }).max(100);

export const isoDateSchema = z.iso.date({ error: 'errors:date.invalid' });

/** Instants are stored in UTC ('2026-03-31T17:00:00.000Z'); offsets are accepted on input. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: 'errors:dateTime.invalid' });

export const tiynSchema = z.number({ error: 'errors:amount.notInteger' }).int({ error: 'errors:amount.notInteger' });

export const positiveTiynSchema = tiynSchema.positive({ error: 'errors:amount.notPositive' });

export const localizedTextSchema = z.object({
  kk: z.string().trim().min(1, { error: 'errors:validation.required' }),
  ru: z.string().trim().min(1, { error: 'errors:validation.required' }),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const languageSchema = z.enum(['kk', 'ru']);
export type Language = z.infer<typeof languageSchema>;

/** A half-open period [start, end) of business days. */
export const periodSchema = z.object({ start: isoDateSchema, end: isoDateSchema });
export type Period = z.infer<typeof periodSchema>;

export type { IsoDate, IsoDateTime, Tiyn } from '../billing/types';
