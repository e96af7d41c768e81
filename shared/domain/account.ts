import { z } from 'zod';
import { explainIinBin } from '../billing';
import { TEXT_LIMITS, textSchema } from './inputs';
import { idSchema, isoDateTimeSchema, languageSchema } from './primitives';

export const ACCOUNT_KINDS = ['individual', 'sole_proprietor', 'legal_entity'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ACCOUNT_STATUSES = ['active', 'suspended', 'closed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Digits only; a Kazakh number is kept as +7 and 10 digits (E.164). */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 10 && digits.startsWith('7')) return `+7${digits}`;
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) return `+7${digits.slice(1)}`;
  return null;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * IIN (individuals, sole proprietors) and BIN (legal entities) share the
 * format; the 5th digit tells them apart: an IIN has the first digit of the
 * birth day there (0–3), a BIN the kind of organisation (4–6).
 */
export function iinBinMatchesKind(iinBin: string, kind: AccountKind): boolean {
  const fifth = iinBin.charCodeAt(4) - 48;
  return kind === 'legal_entity' ? fifth >= 4 && fifth <= 6 : fifth >= 0 && fifth <= 3;
}

const iinBinSchema = textSchema({ max: TEXT_LIMITS.iinBin, requiredCode: 'errors:iinBin.length' })
  .transform((value) => value.replace(/\s/g, ''))
  .superRefine((value, ctx) => {
    const problem = explainIinBin(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: `errors:iinBin.${problem}` });
  });

const accountFields = {
  kind: z.enum(ACCOUNT_KINDS, { error: 'errors:account.kindRequired' }),
  name: textSchema({ max: TEXT_LIMITS.accountName, requiredCode: 'errors:account.nameRequired' }),
  iinBin: iinBinSchema,
  responsiblePerson: textSchema({ max: TEXT_LIMITS.personName, required: false }),
  email: textSchema({ max: TEXT_LIMITS.email, required: false }).refine((value) => value === undefined || EMAIL_PATTERN.test(value), {
    error: 'errors:email.invalid',
  }),
  phone: textSchema({ max: TEXT_LIMITS.phone, required: false }).transform((value, ctx) => {
    if (value === undefined) return undefined;
    const phone = normalizePhone(value);
    if (phone === null) {
      ctx.addIssue({ code: 'custom', message: 'errors:phone.invalid' });
      return z.NEVER;
    }
    return phone;
  }),
  language: z.enum(['kk', 'ru'], { error: 'errors:account.languageRequired' }),
  status: z.enum(ACCOUNT_STATUSES).optional(),
};

export type AccountInput = {
  kind: AccountKind;
  name: string;
  iinBin: string;
  responsiblePerson?: string;
  email?: string;
  phone?: string;
  language: 'kk' | 'ru';
  status?: AccountStatus;
};

function checkKind(value: { kind: AccountKind; iinBin: string }, ctx: z.RefinementCtx) {
  if (explainIinBin(value.iinBin) === null && !iinBinMatchesKind(value.iinBin, value.kind)) {
    ctx.addIssue({
      code: 'custom',
      path: ['iinBin'],
      message: value.kind === 'legal_entity' ? 'errors:iinBin.binExpected' : 'errors:iinBin.iinExpected',
    });
  }
}

/** What a person types into the account form; normalizes phone (+7…); texts follow inputs.ts textSchema. */
export const accountInputSchema: z.ZodType<AccountInput> = z.object(accountFields).superRefine(checkKind);

/** A partial change of an account; the merged result is checked with accountInputSchema again. */
export const accountPatchSchema = z.object(accountFields).partial();

export const accountSchema = z.object({
  id: idSchema,
  kind: z.enum(ACCOUNT_KINDS),
  name: z.string().min(1),
  iinBin: z.string().regex(/^\d{12}$/),
  responsiblePerson: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  language: languageSchema,
  status: z.enum(ACCOUNT_STATUSES),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Account = z.infer<typeof accountSchema>;
