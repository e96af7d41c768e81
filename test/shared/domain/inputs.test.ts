// Input schemas that cannot hurt (shared/domain/inputs.ts): worked examples for every rule, then properties.
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import type { z } from 'zod';
import { makeIinBin } from '../../../shared/billing';
import {
  MAX_AMOUNT_TIYN,
  MAX_BUSINESS_DATE,
  MIN_BUSINESS_DATE,
  TEXT_ERRORS,
  TEXT_LIMITS,
  accountInputSchema,
  accountPatchSchema,
  amountSchema,
  businessDateSchema,
  codePointLength,
  isoDateSchema,
  isoDateTimeInputSchema,
  localizedTextSchema,
  multilineTextSchema,
  notesInputSchema,
  paymentReferenceInputSchema,
  positiveTiynSchema,
  reasonInputSchema,
  storedIsoDateSchema,
  textSchema,
} from '../../../shared/domain';

/** The first issue as a CommandError would carry it: message (the key) and params. */
function refusal(schema: z.ZodType, value: unknown): { message: string; params?: Record<string, unknown>; path: PropertyKey[] } {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`expected ${JSON.stringify(value)} to be refused, got ${JSON.stringify(parsed.data)}`);
  const issue = parsed.error.issues[0]! as z.core.$ZodIssue & { params?: Record<string, unknown> };
  return { message: issue.message, path: issue.path, ...(issue.params ? { params: issue.params } : {}) };
}

function accepted<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`expected ${JSON.stringify(value)} to be accepted: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

const name = textSchema({ max: 10 });
const optional = textSchema({ max: 10, required: false });
const notes = multilineTextSchema({ max: 20 });

describe('textSchema: refusals anywhere in the value', () => {
  it('refuses NUL and other C0/C1 controls inside a name', () => {
    expect(refusal(name, 'ab\u0000c').message).toBe(TEXT_ERRORS.controlCharacters);
    expect(refusal(name, 'ab\u0000').message).toBe(TEXT_ERRORS.controlCharacters);
    expect(refusal(name, '\u0001ab').message).toBe(TEXT_ERRORS.controlCharacters);
    expect(refusal(name, 'a\u007Fb').message).toBe(TEXT_ERRORS.controlCharacters);
    expect(refusal(name, 'a\u0085b').message).toBe(TEXT_ERRORS.controlCharacters);
    expect(refusal(name, 'a\u009Fb').message).toBe(TEXT_ERRORS.controlCharacters);
  });

  it('refuses line breaks and tabs inside a single-line text, trims them at the ends', () => {
    expect(refusal(name, 'a\nb').message).toBe(TEXT_ERRORS.controlCharacters);
    expect(refusal(name, 'a\tb').message).toBe(TEXT_ERRORS.controlCharacters);
    expect(refusal(name, 'a\u2028b').message).toBe(TEXT_ERRORS.controlCharacters);
    expect(accepted(name, 'ab\r\n')).toBe('ab');
  });

  it('refuses bidi overrides and isolates, also at the ends (never silently trimmed)', () => {
    expect(refusal(name, 'abc\u202Efdp.exe').message).toBe(TEXT_ERRORS.bidiOverride);
    expect(refusal(name, '\u202Eabc').message).toBe(TEXT_ERRORS.bidiOverride);
    expect(refusal(name, 'abc\u202A').message).toBe(TEXT_ERRORS.bidiOverride);
    expect(refusal(name, 'a\u2066b\u2069').message).toBe(TEXT_ERRORS.bidiOverride);
    expect(refusal(optional, '\u202E').message).toBe(TEXT_ERRORS.bidiOverride);
    expect(refusal(notes, 'x\u2067y').message).toBe(TEXT_ERRORS.bidiOverride);
  });

  it('keeps the ordinary direction marks (LRM, RLM) inside a text', () => {
    expect(accepted(name, 'a\u200Eb')).toBe('a\u200Eb');
  });

  it('refuses lone surrogates', () => {
    expect(refusal(name, '\uD800').message).toBe(TEXT_ERRORS.loneSurrogate);
    expect(refusal(name, 'ab\uDC00c').message).toBe(TEXT_ERRORS.loneSurrogate);
    expect(refusal(optional, 'x\uD83D').message).toBe(TEXT_ERRORS.loneSurrogate);
    expect(accepted(name, 'ok \uD83D\uDE00')).toBe('ok 😀');
  });
});

describe('textSchema: normalisation', () => {
  it('normalises to NFC', () => {
    expect(accepted(name, 'a\u0301')).toBe('á');
    expect(accepted(name, 'Ө\u0308')).toBe('Ӫ'.normalize('NFC'));
    expect(accepted(name, 'е\u0308ж')).toBe('ёж');
  });

  it('trims white space and invisible format characters (Cf) at both ends, keeps them inside', () => {
    expect(accepted(name, '\u200BАлтын\u200B')).toBe('Алтын');
    expect(accepted(name, '\uFEFF \u2060Алтын\u00A0\u200D\t')).toBe('Алтын');
    expect(accepted(name, ' \u00ADa b\u00AD ')).toBe('a b');
    expect(accepted(name, 'a\u200Bb')).toBe('a\u200Bb');
  });

  it('keeps a subdivision flag (its tail is Cf tag characters) but trims a stray tag', () => {
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    expect(accepted(textSchema({ max: 20 }), `Team ${england} `)).toBe(`Team ${england}`);
    expect(accepted(name, 'abc\u{E0041}')).toBe('abc');
  });

  it('multi-line texts keep line feeds and tabs, turn CR LF into LF, refuse other controls', () => {
    expect(accepted(notes, '\n первая\r\n\tвторая \n')).toBe('первая\n\tвторая');
    expect(refusal(notes, 'a\rb').message).toBe(TEXT_ERRORS.controlCharacters);
    expect(refusal(notes, 'a\u0000b').message).toBe(TEXT_ERRORS.controlCharacters);
    expect(refusal(notes, 'a\u000Bb').message).toBe(TEXT_ERRORS.controlCharacters);
    expect(refusal(notes, 'a\u2029b').message).toBe(TEXT_ERRORS.controlCharacters);
  });
});

describe('textSchema: empty and invisible values', () => {
  it('a value empty after trimming is the required error, or undefined when optional', () => {
    expect(refusal(name, '').message).toBe(TEXT_ERRORS.required);
    expect(refusal(name, '   ').message).toBe(TEXT_ERRORS.required);
    expect(refusal(name, '\u200B\u200B').message).toBe(TEXT_ERRORS.required);
    expect(refusal(name, undefined).message).toBe(TEXT_ERRORS.required);
    expect(refusal(textSchema({ max: 5, requiredCode: 'errors:account.nameRequired' }), '\u200B').message).toBe('errors:account.nameRequired');
    expect(accepted(optional, '')).toBeUndefined();
    expect(accepted(optional, ' \u200B\uFEFF ')).toBeUndefined();
    expect(accepted(optional, undefined)).toBeUndefined();
  });

  it('refuses a value made only of combining marks or other invisible characters', () => {
    expect(refusal(name, '\u0301\u0301').message).toBe(TEXT_ERRORS.invisibleOnly);
    expect(refusal(name, ' \u0301 ').message).toBe(TEXT_ERRORS.invisibleOnly);
    expect(refusal(name, '\u3164').message).toBe(TEXT_ERRORS.invisibleOnly); // Hangul filler
    expect(refusal(name, '\uFE0F\u034F').message).toBe(TEXT_ERRORS.invisibleOnly);
    expect(refusal(name, '\u2800').message).toBe(TEXT_ERRORS.invisibleOnly);
    expect(refusal(optional, '\u200B\u0301\u200B').message).toBe(TEXT_ERRORS.invisibleOnly);
    expect(refusal(notes, '\u0301\n\u0301').message).toBe(TEXT_ERRORS.invisibleOnly);
  });
});

describe('textSchema: length in code points after normalisation', () => {
  it('accepts max code points and refuses max + 1, with { max } in params', () => {
    expect(accepted(name, 'ж'.repeat(10))).toBe('ж'.repeat(10));
    expect(refusal(name, 'ж'.repeat(11))).toMatchObject({ message: TEXT_ERRORS.tooLong, params: { max: 10 } });
  });

  it('counts an emoji as one, not as two UTF-16 units', () => {
    expect(accepted(name, '👍'.repeat(10))).toHaveLength(20);
    expect(refusal(name, '👍'.repeat(11))).toMatchObject({ message: TEXT_ERRORS.tooLong, params: { max: 10 } });
  });

  it('counts after NFC and trimming', () => {
    expect(accepted(name, 'a\u0301'.repeat(10))).toBe('á'.repeat(10));
    expect(accepted(name, `  ${'x'.repeat(10)}\u200B\u200B  `)).toBe('x'.repeat(10));
  });

  it('codePointLength', () => {
    expect(codePointLength('👍a')).toBe(2);
    expect(codePointLength('')).toBe(0);
  });
});

describe('amountSchema (and positiveTiynSchema, its alias)', () => {
  it('takes positive whole tiyn up to 10^13', () => {
    expect(MAX_AMOUNT_TIYN).toBe(10 ** 13);
    expect(accepted(amountSchema, 1)).toBe(1);
    expect(accepted(amountSchema, 10 ** 13)).toBe(10 ** 13);
    expect(positiveTiynSchema).toBe(amountSchema);
  });

  it.each([
    [10 ** 13 + 1, 'errors:amount.tooLarge'],
    [2 ** 53, 'errors:amount.tooLarge'],
    [Number.MAX_VALUE, 'errors:amount.tooLarge'],
    [0, 'errors:amount.notPositive'],
    [-0, 'errors:amount.notPositive'],
    [-100, 'errors:amount.notPositive'],
    [1.5, 'errors:amount.notInteger'],
    [0.1 + 0.2, 'errors:amount.notInteger'],
    [Number.NaN, 'errors:amount.notInteger'],
    [Number.POSITIVE_INFINITY, 'errors:amount.notInteger'],
    ['100', 'errors:amount.notInteger'],
    [100n, 'errors:amount.notInteger'],
    [undefined, 'errors:amount.notInteger'],
  ])('refuses %s with %s', (value, key) => {
    expect(refusal(amountSchema, value).message).toBe(key);
  });
});

describe('businessDateSchema (and isoDateSchema for command inputs)', () => {
  it.each(['2000-01-01', '2026-02-28', '2028-02-29', '2099-12-31'])('accepts %s', (date) => {
    expect(accepted(businessDateSchema, date)).toBe(date);
    expect(accepted(isoDateSchema, date)).toBe(date);
  });

  it.each(['1999-12-31', '2100-01-01', '9999-12-31', '0001-01-01'])('refuses %s as out of range, with { min, max }', (date) => {
    for (const schema of [businessDateSchema, isoDateSchema]) {
      expect(refusal(schema, date)).toMatchObject({ message: 'errors:date.outOfRange', params: { min: MIN_BUSINESS_DATE, max: MAX_BUSINESS_DATE } });
    }
  });

  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '2026-3-1', '26-03-01', '2026-03-01T00:00:00Z', '', 20260301, null])('refuses %s as invalid', (date) => {
    expect(refusal(businessDateSchema, date).message).toBe('errors:date.invalid');
  });

  it('the constants', () => {
    expect([MIN_BUSINESS_DATE, MAX_BUSINESS_DATE]).toEqual(['2000-01-01', '2099-12-31']);
  });

  it('stored records keep the plain date schema', () => {
    expect(accepted(storedIsoDateSchema, '1999-12-31')).toBe('1999-12-31');
    expect(accepted(storedIsoDateSchema, '2100-01-15')).toBe('2100-01-15');
  });
});

describe('isoDateTimeInputSchema', () => {
  it.each(['2026-03-15T12:00:00+05:00', '2026-03-15T07:00:00.000Z', '2026-03-15T12:00+05:00', '2026-03-15T12:00:00.123456789-03:00'])('accepts %s', (value) => {
    expect(accepted(isoDateTimeInputSchema, value)).toBe(value);
  });

  it.each(['2026-03-15T12:00:00', '2026-03-15', '2026-02-30T12:00:00Z', '2026-03-15T24:30:00Z', '2026-03-15T12:00:00+0500', 'now', 42])('refuses %s as invalid', (value) => {
    expect(refusal(isoDateTimeInputSchema, value).message).toBe('errors:dateTime.invalid');
  });

  it('checks the business date (UTC+05:00) of the instant against the range', () => {
    expect(refusal(isoDateTimeInputSchema, '1999-12-31T18:59:59Z')).toMatchObject({ message: 'errors:date.outOfRange', params: { min: MIN_BUSINESS_DATE, max: MAX_BUSINESS_DATE } });
    expect(accepted(isoDateTimeInputSchema, '1999-12-31T19:00:00Z')).toBe('1999-12-31T19:00:00Z');
    expect(accepted(isoDateTimeInputSchema, '2099-12-31T23:59:00+05:00')).toBe('2099-12-31T23:59:00+05:00');
    expect(refusal(isoDateTimeInputSchema, '2099-12-31T19:00:00Z').message).toBe('errors:date.outOfRange');
    expect(refusal(isoDateTimeInputSchema, '2150-06-01T12:00:00+05:00').message).toBe('errors:date.outOfRange');
  });
});

describe('the input schemas of shared/domain use textSchema', () => {
  const account = { kind: 'legal_entity', name: 'ТОО «Алтын Сапа»', iinBin: makeIinBin('15034000001')!, language: 'kk' };

  it('account name: bidi override, only U+200B, trimmed and NFC, limit 300', () => {
    expect(refusal(accountInputSchema, { ...account, name: 'ТОО \u202EасапС' })).toMatchObject({ message: 'errors:text.bidiOverride', path: ['name'] });
    expect(refusal(accountInputSchema, { ...account, name: '\u200B' })).toMatchObject({ message: 'errors:account.nameRequired', path: ['name'] });
    expect(accepted(accountInputSchema, { ...account, name: '\u200B Cafe\u0301 \uFEFF' }).name).toBe('Caf\u00E9');
    expect(accepted(accountInputSchema, { ...account, name: 'я'.repeat(TEXT_LIMITS.accountName) }).name).toHaveLength(300);
    expect(refusal(accountInputSchema, { ...account, name: 'я'.repeat(301) })).toMatchObject({ message: 'errors:text.tooLong', params: { max: 300 } });
  });

  it('responsible person, e-mail, phone, IIN/BIN go through the same rules', () => {
    expect(refusal(accountInputSchema, { ...account, responsiblePerson: 'Ерлан\u0000' })).toMatchObject({ message: 'errors:text.controlCharacters', path: ['responsiblePerson'] });
    expect(accepted(accountInputSchema, { ...account, responsiblePerson: '\u200B' }).responsiblePerson).toBeUndefined();
    expect(refusal(accountInputSchema, { ...account, responsiblePerson: 'а'.repeat(301) })).toMatchObject({ params: { max: 300 } });
    expect(accepted(accountInputSchema, { ...account, email: '\u200Binfo@altyn.kz\u200B' }).email).toBe('info@altyn.kz');
    expect(refusal(accountInputSchema, { ...account, email: 'info@\u202Ezk.nytla' })).toMatchObject({ message: 'errors:text.bidiOverride', path: ['email'] });
    expect(refusal(accountInputSchema, { ...account, email: `${'a'.repeat(250)}@b.kz` })).toMatchObject({ message: 'errors:text.tooLong', params: { max: 254 } });
    expect(refusal(accountInputSchema, { ...account, email: 'not-an-email' })).toMatchObject({ message: 'errors:email.invalid' });
    expect(refusal(accountInputSchema, { ...account, phone: '\u202E8 701 123 45 67' })).toMatchObject({ message: 'errors:text.bidiOverride', path: ['phone'] });
    expect(accepted(accountInputSchema, { ...account, phone: '\u200B8 701 123 45 67' }).phone).toBe('+77011234567');
    expect(accepted(accountInputSchema, { ...account, iinBin: `\u200B${account.iinBin}\u200B` }).iinBin).toBe(account.iinBin);
    expect(refusal(accountInputSchema, { ...account, iinBin: '\u200B' })).toMatchObject({ message: 'errors:iinBin.length', path: ['iinBin'] });
    expect(refusal(accountPatchSchema, { name: '\u0301' })).toMatchObject({ message: 'errors:text.invisibleOnly', path: ['name'] });
  });

  it('localized names, payment reference, notes and reasons', () => {
    expect(accepted(localizedTextSchema, { kk: ' Бұлт\u200B', ru: 'Облако' })).toEqual({ kk: 'Бұлт', ru: 'Облако' });
    expect(refusal(localizedTextSchema, { kk: '\u200B', ru: 'x' }).message).toBe('errors:validation.required');
    expect(refusal(paymentReferenceInputSchema, 'п/п №1\u202E')).toMatchObject({ message: 'errors:text.bidiOverride' });
    expect(refusal(paymentReferenceInputSchema, 'x'.repeat(201))).toMatchObject({ params: { max: TEXT_LIMITS.paymentReference } });
    expect(accepted(paymentReferenceInputSchema, '  ')).toBeUndefined();
    expect(accepted(notesInputSchema, 'строка 1\r\nстрока 2')).toBe('строка 1\nстрока 2');
    expect(accepted(notesInputSchema, '')).toBeUndefined();
    expect(refusal(reasonInputSchema, '\u200B \n').message).toBe(TEXT_ERRORS.required);
    expect(refusal(reasonInputSchema, 'x'.repeat(1001))).toMatchObject({ params: { max: 1000 } });
  });
});

describe('properties', () => {
  /** Strings rich in the characters the rules are about, plus any code point and lone surrogates. */
  const nasty = fc.constantFrom(
    '\u0000', '\u0007', '\t', '\n', '\r', '\u007F', '\u0085', '\u009F', ' ', '\u00A0', '\u2028', '\u2029', '\u200B', '\u200D', '\u200E',
    '\u2060', '\uFEFF', '\u00AD', '\u202A', '\u202E', '\u2066', '\u2069', '\u0301', '\u0308', '\u3164', '\uFE0F', '\u2800', '\uD800', '\uDFFF',
    '\u{E0067}', '\u{E007F}', '\u{1F3F4}', 'a', 'е', 'Ә', 'ё', '👍', '\uD83D\uDE00',
  );
  const textArb = fc.string({ unit: fc.oneof(nasty, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 14 });
  const keys = new Set<string>(Object.values(TEXT_ERRORS));

  test.each([
    ['single-line', false],
    ['multi-line', true],
  ] as const)('any accepted %s text is NFC, well formed, trimmed, free of controls and bidi overrides, visible and within limits', (_label, multiline) => {
    const max = 8;
    const schema = textSchema({ max, multiline });
    fc.assert(
      fc.property(textArb, (raw) => {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          expect(keys).toContain(parsed.error.issues[0]!.message);
          return;
        }
        const text = parsed.data;
        expect(text).toBe(text.normalize('NFC'));
        expect(/\p{Cs}/u.test(text)).toBe(false);
        expect(/[\u202A-\u202E\u2066-\u2069]/u.test(text)).toBe(false);
        expect((multiline ? /(?![\t\n])[\p{Cc}\u2028\u2029]/u : /[\p{Cc}\u2028\u2029]/u).test(text)).toBe(false);
        expect(text).not.toBe('');
        expect(/^[\s\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]+$/u.test(text)).toBe(false);
        expect(/^[\s\p{Cf}]/u.test(text)).toBe(false);
        // The end may be Cf only as the tail of an emoji tag sequence (a subdivision flag).
        if (/[\s\p{Cf}]$/u.test(text)) expect(text).toMatch(/\p{Extended_Pictographic}[\u{E0020}-\u{E007E}]+\u{E007F}$/u);
        expect([...text].length).toBeLessThanOrEqual(max);
        // Cleaning is idempotent: a stored value passes again unchanged.
        expect(schema.parse(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  test('any accepted amount is a safe integer in [1, 10^13]', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.maxSafeInteger(), fc.constantFrom(10 ** 13, 10 ** 13 + 1, 2 ** 53)), (value) => {
        const parsed = amountSchema.safeParse(value);
        expect(parsed.success).toBe(Number.isSafeInteger(value) && value >= 1 && value <= MAX_AMOUNT_TIYN);
      }),
    );
  });

  test('a date is accepted exactly when it exists and lies in 2000-01-01 … 2099-12-31', () => {
    const dateArb = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.oneof(dateArb, dateArb.filter((s) => s >= '1999' && s < '2101')), (date) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const utc = new Date(0);
        utc.setUTCFullYear(y, m - 1, d);
        const exists = m >= 1 && m <= 12 && d >= 1 && utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d;
        expect(businessDateSchema.safeParse(date).success).toBe(exists && y >= 2000 && y <= 2099);
      }),
      { numRuns: 2000 },
    );
  });
});
