import { z } from 'zod';
import { businessDateOf, parseInstant } from '../billing';

/**
 * Input schemas that cannot hurt: every text, amount and date a person (or a
 * tool) hands to a command goes through one of these. Messages are `errors:`
 * i18n keys; a parameter of the message travels in the zod issue's `params`
 * (core/registry.ts `parseInput` copies it into the CommandError).
 *
 * Stored records keep their plain schemas (primitives.ts): what was written
 * stays readable even if a rule here becomes stricter.
 */

// ---------------------------------------------------------------------------
// Text

/** The longest text each kind of field takes, in Unicode code points after normalisation (docs/store.md "Input limits"). */
export const TEXT_LIMITS = {
  /** Account name (company or person) — the longest official names of legal entities fit. */
  accountName: 300,
  /** A person's full name: responsible person, staff user. */
  personName: 300,
  /** RFC 5321 path limit. */
  email: 254,
  /** As typed, before normalising to +7XXXXXXXXXX. */
  phone: 32,
  /** As typed, spaces included, before the 12-digit check. */
  iinBin: 32,
  /** Bank statement / receipt reference of a payment. */
  paymentReference: 200,
  /** A name in one language (service, tariff). */
  localizedName: 200,
  /** A ticket subject. */
  subject: 300,
  /** Staff login. */
  login: 64,
  /** A written reason for a decision (rejection, override, correction). Multi-line. */
  reason: 1000,
  /** Free notes (incidents, tickets). Multi-line. */
  notes: 2000,
} as const;

export const TEXT_ERRORS = {
  required: 'errors:text.required',
  tooLong: 'errors:text.tooLong',
  controlCharacters: 'errors:text.controlCharacters',
  bidiOverride: 'errors:text.bidiOverride',
  loneSurrogate: 'errors:text.loneSurrogate',
  invisibleOnly: 'errors:text.invisibleOnly',
} as const;

/** Trimmed at both ends: white space and invisible format characters (Cf: U+200B, U+FEFF, U+2060, U+200E …). */
const TRIMMABLE = /^[\s\p{Cf}]$/u;
/** Bidirectional embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder what is shown. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** A surrogate not paired with another (in a `u` regex a proper pair is one code point, so only lone halves match). */
const LONE_SURROGATE = /\p{Cs}/u;
/** C0 and C1 controls, and the Unicode line/paragraph separators: single-line texts take none of them. */
const CONTROL_SINGLE_LINE = /[\p{Cc}\u2028\u2029]/u;
/** Multi-line texts take line feed and tab; every other control is refused. */
const CONTROL_MULTI_LINE = /(?![\t\n])[\p{Cc}\u2028\u2029]/u;
/** Nothing anybody can see: white space, format, combining marks, default-ignorables (Hangul fillers, variation selectors …), braille blank. */
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]+$/u;
const EMOJI_BASE = /^\p{Extended_Pictographic}$/u;
const TAG_CHARACTER = /^[\u{E0020}-\u{E007E}]$/u;
const CANCEL_TAG = '\u{E007F}';

/** Trims TRIMMABLE code points at both ends; keeps an emoji tag sequence (a subdivision flag such as 🏴 + tags + CANCEL TAG), whose tail is Cf. */
function trimText(text: string): string {
  const points = Array.from(text);
  let start = 0;
  while (start < points.length && TRIMMABLE.test(points[start]!)) start += 1;
  let end = points.length;
  while (end > start && TRIMMABLE.test(points[end - 1]!)) end -= 1;
  if (end > start && end < points.length && EMOJI_BASE.test(points[end - 1]!)) {
    let tagEnd = end;
    while (tagEnd < points.length && TAG_CHARACTER.test(points[tagEnd]!)) tagEnd += 1;
    if (tagEnd > end && points[tagEnd] === CANCEL_TAG) end = tagEnd + 1;
  }
  return start === 0 && end === points.length ? text : points.slice(start, end).join('');
}

/** Length in Unicode code points (an emoji is one, not two UTF-16 units). */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

export interface TextOptions {
  /** The longest accepted value, in code points after trimming and NFC. */
  max: number;
  /** Default true. When false, a value empty after trimming (or absent) becomes undefined. */
  required?: boolean;
  /** Notes and reasons: line feeds and tabs are allowed (CR LF becomes LF). Default false. */
  multiline?: boolean;
  /** The key for a missing or empty value (default 'errors:text.required'), e.g. 'errors:account.nameRequired'. */
  requiredCode?: string;
}

export type TextProblem = { code: string; params?: Record<string, unknown> };

/**
 * The rules of textSchema as a plain function: the cleaned text, '' when
 * nothing is left, or the first problem found.
 * Order: lone surrogates and bidi controls anywhere in the raw value; then
 * NFC and trimming; then controls, invisible-only and length.
 */
export function cleanText(raw: string, options: Pick<TextOptions, 'max' | 'multiline'>): { text: string } | { problem: TextProblem } {
  if (LONE_SURROGATE.test(raw)) return { problem: { code: TEXT_ERRORS.loneSurrogate } };
  if (BIDI_CONTROL.test(raw)) return { problem: { code: TEXT_ERRORS.bidiOverride } };
  const unified = options.multiline ? raw.replace(/\r\n/g, '\n') : raw;
  const text = trimText(unified.normalize('NFC'));
  if ((options.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text)) return { problem: { code: TEXT_ERRORS.controlCharacters } };
  if (text === '') return { text };
  if (INVISIBLE_ONLY.test(text)) return { problem: { code: TEXT_ERRORS.invisibleOnly } };
  if (codePointLength(text) > options.max) return { problem: { code: TEXT_ERRORS.tooLong, params: { max: options.max } } };
  return { text };
}

function reportProblem(ctx: z.core.$RefinementCtx<string>, problem: TextProblem): never {
  ctx.addIssue({ code: 'custom', message: problem.code, ...(problem.params ? { params: problem.params } : {}) });
  return z.NEVER;
}

/** A required text: a string (trimmed, NFC, checked) or a refusal. */
export type RequiredTextSchema = z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
/** An optional text: undefined when absent, blank or only trimmable characters. */
export type OptionalTextSchema = z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>;

/**
 * The one way to make a text field of an input schema: trims white space and
 * invisible format characters (Cf) at both ends, normalises to NFC, refuses
 * control characters (multi-line: all but LF and TAB), bidi overrides and
 * isolates, lone surrogates, and values made only of invisible or combining
 * characters; empty → `requiredCode` (or undefined when optional); longer than
 * `max` code points → 'errors:text.tooLong' { max }.
 * Not for passwords: they are compared as typed, never trimmed or normalised.
 */
export function textSchema(options: TextOptions & { required?: true }): RequiredTextSchema;
export function textSchema(options: TextOptions & { required: false }): OptionalTextSchema;
export function textSchema(options: TextOptions): RequiredTextSchema | OptionalTextSchema;
export function textSchema(options: TextOptions): RequiredTextSchema | OptionalTextSchema {
  if (options.required === false) {
    return z
      .string({ error: 'errors:validation.invalid' })
      .transform((raw, ctx): string | undefined => {
        const cleaned = cleanText(raw, options);
        if ('problem' in cleaned) return reportProblem(ctx, cleaned.problem);
        return cleaned.text === '' ? undefined : cleaned.text;
      })
      .optional();
  }
  const requiredCode = options.requiredCode ?? TEXT_ERRORS.required;
  return z.string({ error: requiredCode }).transform((raw, ctx): string => {
    const cleaned = cleanText(raw, options);
    if ('problem' in cleaned) return reportProblem(ctx, cleaned.problem);
    return cleaned.text === '' ? reportProblem(ctx, { code: requiredCode }) : cleaned.text;
  });
}

/** The same rules, with line feeds and tabs allowed: notes, reasons. */
export function multilineTextSchema(options: Omit<TextOptions, 'multiline'> & { required?: true }): RequiredTextSchema;
export function multilineTextSchema(options: Omit<TextOptions, 'multiline'> & { required: false }): OptionalTextSchema;
export function multilineTextSchema(options: Omit<TextOptions, 'multiline'>): RequiredTextSchema | OptionalTextSchema;
export function multilineTextSchema(options: Omit<TextOptions, 'multiline'>): RequiredTextSchema | OptionalTextSchema {
  return textSchema({ ...options, multiline: true });
}

/** Ready-made fields for the commands still to come (domain-rules §6). */
export const personNameInputSchema = textSchema({ max: TEXT_LIMITS.personName });
export const loginInputSchema = textSchema({ max: TEXT_LIMITS.login });
export const subjectInputSchema = textSchema({ max: TEXT_LIMITS.subject });
export const reasonInputSchema = multilineTextSchema({ max: TEXT_LIMITS.reason });
export const notesInputSchema = multilineTextSchema({ max: TEXT_LIMITS.notes, required: false });
export const paymentReferenceInputSchema = textSchema({ max: TEXT_LIMITS.paymentReference, required: false });

// ---------------------------------------------------------------------------
// Amounts

/** One amount is at most 10^13 tiyn (100 billion ₸), far inside the safe integers (domain-rules §6). */
export const MAX_AMOUNT_TIYN = 10_000_000_000_000;

/** A positive whole number of tiyn, at most MAX_AMOUNT_TIYN: payments, refunds, compensations. */
export const amountSchema = z.number({ error: 'errors:amount.notInteger' }).superRefine((value, ctx) => {
  if (!Number.isInteger(value)) ctx.addIssue({ code: 'custom', message: 'errors:amount.notInteger' });
  else if (value <= 0) ctx.addIssue({ code: 'custom', message: 'errors:amount.notPositive' });
  else if (value > MAX_AMOUNT_TIYN) ctx.addIssue({ code: 'custom', message: 'errors:amount.tooLarge' });
});

// ---------------------------------------------------------------------------
// Dates

export const MIN_BUSINESS_DATE = '2000-01-01';
export const MAX_BUSINESS_DATE = '2099-12-31';

function checkBusinessDateRange(date: string, ctx: z.RefinementCtx): void {
  // 'YYYY-MM-DD' strings of four-digit years compare as dates.
  if (date < MIN_BUSINESS_DATE || date > MAX_BUSINESS_DATE) {
    ctx.addIssue({ code: 'custom', message: 'errors:date.outOfRange', params: { min: MIN_BUSINESS_DATE, max: MAX_BUSINESS_DATE } });
  }
}

/** An existing calendar day 'YYYY-MM-DD' (business time) from MIN_BUSINESS_DATE to MAX_BUSINESS_DATE. */
export const businessDateSchema = z.iso.date({ error: 'errors:date.invalid' }).superRefine(checkBusinessDateRange);

/**
 * An instant: ISO 8601 with an explicit offset or Z, as the billing engine
 * reads it ('2026-03-15T12:00+05:00', seconds and up to 9 fraction digits
 * optional), whose business date is within the business date range.
 * The value is passed on as given; compare instants as instants.
 */
export const isoDateTimeInputSchema = z.string({ error: 'errors:dateTime.invalid' }).superRefine((value, ctx) => {
  let date: string;
  try {
    parseInstant('instant', value);
    date = businessDateOf(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'errors:dateTime.invalid' });
    return;
  }
  checkBusinessDateRange(date, ctx);
});
