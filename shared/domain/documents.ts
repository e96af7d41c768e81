import { z } from 'zod';
import { ACCOUNT_KINDS } from './account';
import { LEDGER_KINDS } from './ledger';
import { idSchema, isoDateTimeSchema, localizedTextSchema, periodSchema, storedIsoDateSchema, tiynSchema } from './primitives';

/**
 * Documents a provider issues to a client (issue 10): an invoice for
 * payment, an act of services rendered (form Р-1) and a reconciliation act.
 * An issued document is stored once, whole (the provider's requisites, the
 * client's details and every line as they were on the day), so a re-print
 * is the same document whatever changed later; a correction is a new
 * document of the same kind that names the one it corrects.
 */
export const DOCUMENT_KINDS = ['invoice', 'act', 'reconciliation'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Each kind is its own numbering series, numbered from 1 every calendar year of the issue date, without gaps. */
export const DOCUMENT_SERIES: Readonly<Record<DocumentKind, string>> = { invoice: 'INV', act: 'AVR', reconciliation: 'REC' };

/** The languages a document prints in: Kazakh, Russian, or both side by side. */
export const DOCUMENT_LANGUAGES = ['kk', 'ru', 'kk-ru'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
export const documentLanguageSchema = z.enum(DOCUMENT_LANGUAGES);

/** The provider's requisites as kept in Settings and copied into every document issued. */
export const providerRequisitesSchema = z.object({
  name: localizedTextSchema,
  /** 12 digits, checksum-valid, a legal entity's BIN. */
  bin: z.string(),
  address: localizedTextSchema,
  /** KZ IBAN (ИИК), 20 characters, upper case, no spaces. */
  iban: z.string(),
  bank: z.string(),
  /** The bank's BIC (БИК), 8 or 11 characters. */
  bik: z.string(),
  /** Beneficiary code (КБе): 2 digits. */
  kbe: z.string(),
  /** Payment purpose code (КНП) printed on invoices: 3 digits. */
  knp: z.string(),
  director: z.string(),
  chiefAccountant: z.string(),
  phone: z.string().optional(),
  email: z.string().optional(),
  /** A PNG or JPEG as a data: URL, or null. */
  logo: z.string().nullable(),
});
export type ProviderRequisites = z.infer<typeof providerRequisitesSchema>;

/** The client as the document names it, copied from the account on the day of issue. */
export const documentClientSchema = z.object({
  accountId: idSchema,
  kind: z.enum(ACCOUNT_KINDS),
  name: z.string(),
  iinBin: z.string(),
  responsiblePerson: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});
export type DocumentClient = z.infer<typeof documentClientSchema>;

/** VAT included in a total, per rate: gross × r / (100 + r), rounded once per rate. */
export const vatPartSchema = z.object({ rate: z.number().int(), base: tiynSchema, vat: tiynSchema });
export type VatPart = z.infer<typeof vatPartSchema>;

export const invoiceLineSchema = z.object({
  /** The service and tariff (or the free text of an "any amount" invoice), in both languages. */
  description: localizedTextSchema,
  period: periodSchema.nullable(),
  quantity: z.number().int().positive(),
  /** Price of one unit, VAT included. */
  price: tiynSchema,
  /** quantity × price, VAT included. */
  amount: tiynSchema,
});
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

export const invoiceContentSchema = z.object({
  kind: z.literal('invoice'),
  /** Payable within 5 calendar days (004 §4.1, decided for every service). */
  payableBy: storedIsoDateSchema,
  knp: z.string(),
  subscriptionId: idSchema.nullable(),
  lines: z.array(invoiceLineSchema).min(1),
  total: tiynSchema,
  /** At the rate in force on the issue date. */
  vat: z.array(vatPartSchema),
});
export type InvoiceContent = z.infer<typeof invoiceContentSchema>;

export const actLineSchema = z.object({
  /** Business date of the charge. */
  date: storedIsoDateSchema,
  description: localizedTextSchema,
  /** The period the charge paid for (a period charge) or the rest of the period (a tariff change). */
  period: periodSchema.nullable(),
  ledgerKind: z.enum(LEDGER_KINDS),
  subscriptionId: idSchema.nullable(),
  /** The whole charge, both buckets, VAT included; a tariff-change credit is negative. */
  amount: tiynSchema,
  /** The part of `amount` paid with bonuses (0 when none). */
  bonusPart: tiynSchema,
});
export type ActLine = z.infer<typeof actLineSchema>;

export const actContentSchema = z.object({
  kind: z.literal('act'),
  from: storedIsoDateSchema,
  /** Inclusive. */
  to: storedIsoDateSchema,
  lines: z.array(actLineSchema).min(1),
  total: tiynSchema,
  bonusTotal: tiynSchema,
  /** Per rate in force on each line's date. */
  vat: z.array(vatPartSchema),
});
export type ActContent = z.infer<typeof actContentSchema>;

export const reconciliationRowSchema = z.object({
  date: storedIsoDateSchema,
  ledgerKind: z.enum(LEDGER_KINDS),
  /** The payment's bank reference, if any. */
  reference: z.string().nullable(),
  /** The period a period charge paid for ([start, end), end excluded). */
  period: periodSchema.nullable(),
  /** The provider's side: services charged, payouts (money bucket amounts below 0, as positive numbers). */
  debit: tiynSchema,
  /** Payments, refunds and credits (money bucket amounts above 0). */
  credit: tiynSchema,
  ledgerEntryId: idSchema,
});
export type ReconciliationRow = z.infer<typeof reconciliationRowSchema>;

export const reconciliationContentSchema = z.object({
  kind: z.literal('reconciliation'),
  from: storedIsoDateSchema,
  /** Inclusive. */
  to: storedIsoDateSchema,
  /** The client's money balance at the start of `from` (above 0: the client's advance; below 0: the client owes). */
  opening: tiynSchema,
  rows: z.array(reconciliationRowSchema),
  debitTotal: tiynSchema,
  creditTotal: tiynSchema,
  /** opening + creditTotal − debitTotal: the money balance at the end of `to`. */
  closing: tiynSchema,
});
export type ReconciliationContent = z.infer<typeof reconciliationContentSchema>;

export const documentContentSchema = z.discriminatedUnion('kind', [invoiceContentSchema, actContentSchema, reconciliationContentSchema]);
export type DocumentContent = z.infer<typeof documentContentSchema>;

export const issuedDocumentSchema = z.object({
  id: idSchema,
  kind: z.enum(DOCUMENT_KINDS),
  series: z.string(),
  /** Calendar year of `issuedOn`. */
  year: z.number().int(),
  /** 1, 2, 3 … within series and year, without gaps. */
  number: z.number().int().positive(),
  /** `${series}-${year}-${number padded to 5}`, e.g. AVR-2026-00012. */
  displayNumber: z.string(),
  accountId: idSchema,
  /** The business date the document carries. */
  issuedOn: storedIsoDateSchema,
  issuedAt: isoDateTimeSchema,
  issuedBy: z.string(),
  /** The language it was issued in (the client's by default); it can be printed in any. */
  language: documentLanguageSchema,
  /** The document this one corrects, or null. */
  correctsId: idSchema.nullable(),
  /** That document's number, printed on this one. */
  correctsNumber: z.string().nullable(),
  provider: providerRequisitesSchema,
  client: documentClientSchema,
  content: documentContentSchema,
  operationId: z.string().min(1),
});
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>;

/** `getDocument`: the stored document and the document that corrects it, if any. */
export type DocumentView = IssuedDocument & { correctedBy: { id: string; displayNumber: string } | null };

export function documentDisplayNumber(series: string, year: number, number: number): string {
  return `${series}-${year}-${String(number).padStart(5, '0')}`;
}
