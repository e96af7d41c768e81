import { BILLING_RULES, fail } from './errors';
import type { Tiyn } from './types';

/**
 * An amount written out as on 1C's invoices and acts: whole tenge in words,
 * then tiyn as two digits ("Одна тысяча один тенге 01 тиын", "Бір мың бір
 * теңге 01 тиын"). Covers 0 … 10^13 − 1 tenge (every amount the store
 * accepts, 10^13 tiyn at most, with room to spare).
 */
export const MAX_AMOUNT_IN_WORDS_TIYN = 10 ** 15 - 1;

export const AMOUNT_IN_WORDS_RULES = {
  range: BILLING_RULES.amountInWordsRange,
  language: BILLING_RULES.wordsLanguage,
} as const;

/** Russian noun forms for 1, 2–4 and 5+ (and 11–14). */
type Forms = readonly [one: string, few: string, many: string];

interface Scale {
  ru: Forms;
  /** Thousand is feminine in Russian: "одна тысяча", "две тысячи". */
  feminine: boolean;
  kk: string;
}

// Index 0 is the units triad (no noun); 1 thousand, 2 million, 3 billion, 4 trillion.
const SCALES: readonly (Scale | null)[] = [
  null,
  { ru: ['тысяча', 'тысячи', 'тысяч'], feminine: true, kk: 'мың' },
  { ru: ['миллион', 'миллиона', 'миллионов'], feminine: false, kk: 'миллион' },
  { ru: ['миллиард', 'миллиарда', 'миллиардов'], feminine: false, kk: 'миллиард' },
  { ru: ['триллион', 'триллиона', 'триллионов'], feminine: false, kk: 'триллион' },
];

const RU_UNITS_MASCULINE = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_UNITS_FEMININE = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const RU_HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

const KK_UNITS = ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const KK_TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];

/** The Russian form for a count: 1 → one, 2–4 → few, else many; 11–14 are always many. */
function russianForm(n: number, forms: Forms): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/** 1 … 999 in Russian words. */
function ruTriad(n: number, feminine: boolean): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(RU_HUNDREDS[hundreds]!);
  if (rest >= 10 && rest < 20) {
    words.push(RU_TEENS[rest - 10]!);
  } else {
    if (rest >= 20) words.push(RU_TENS[Math.floor(rest / 10)]!);
    const unit = rest % 10;
    if (unit > 0) words.push((feminine ? RU_UNITS_FEMININE : RU_UNITS_MASCULINE)[unit]!);
  }
  return words;
}

/**
 * 1 … 999 in Kazakh words. Hundreds always carry their count ("бір жүз",
 * decided: the explicit form KZ banks print, so no word can be read as part
 * of the previous group).
 */
function kkTriad(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(KK_UNITS[hundreds]!, 'жүз');
  if (rest >= 10) words.push(KK_TENS[Math.floor(rest / 10)]!);
  if (rest % 10 > 0) words.push(KK_UNITS[rest % 10]!);
  return words;
}

/** Whole tenge (0 … 10^13 − 1) in words, lower case. */
function tengeInWords(tenge: number, language: 'kk' | 'ru'): string {
  if (tenge === 0) return language === 'kk' ? 'нөл' : 'ноль';
  const triads: number[] = [];
  for (let rest = tenge; rest > 0; rest = Math.floor(rest / 1000)) triads.push(rest % 1000);
  const words: string[] = [];
  for (let i = triads.length - 1; i >= 0; i--) {
    const triad = triads[i]!;
    if (triad === 0) continue;
    const scale = SCALES[i] ?? null;
    if (language === 'ru') {
      words.push(...ruTriad(triad, scale?.feminine ?? false));
      if (scale) words.push(russianForm(triad, scale.ru));
    } else {
      words.push(...kkTriad(triad));
      if (scale) words.push(scale.kk);
    }
  }
  return words.join(' ');
}

/**
 * `amount` tiyn as words: "Одна тысяча один тенге 01 тиын" (ru), "Бір мың
 * бір теңге 01 тиын" (kk). The currency names do not change with the
 * number in either language ("тенге" is indeclinable in Russian).
 */
export function amountInWords(amount: Tiyn, language: 'kk' | 'ru'): string {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0 || amount > MAX_AMOUNT_IN_WORDS_TIYN) {
    fail('amount', AMOUNT_IN_WORDS_RULES.range);
  }
  if (language !== 'kk' && language !== 'ru') fail('language', AMOUNT_IN_WORDS_RULES.language);
  const tenge = Math.floor(amount / 100);
  const tiyn = String(amount % 100).padStart(2, '0');
  const words = tengeInWords(tenge, language);
  const capitalised = words.charAt(0).toLocaleUpperCase(language) + words.slice(1);
  return `${capitalised} ${language === 'kk' ? 'теңге' : 'тенге'} ${tiyn} тиын`;
}
