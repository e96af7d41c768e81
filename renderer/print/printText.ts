import type { i18n as I18n } from 'i18next';
import { addDays, amountInWords } from '../../shared/billing';
import type { DocumentLanguage, LocalizedText, Period } from '../../shared/domain';
import { formatDateLong, formatDateShort, formatMoney } from '../i18n/format';

/**
 * The words of a printed document in its language: Kazakh, Russian, or
 * both ("қазақша / по-русски", Kazakh first, as bilingual forms in
 * Kazakhstan put it). Every function gives the final text of one place on
 * the page.
 */
export interface PrintText {
  language: DocumentLanguage;
  /** A label of the `print` namespace (or `ns:key`), in the document's language(s). */
  t(key: string, params?: Record<string, string | number>): string;
  /** Per-language params: a label whose params differ by language (names, dates in words). */
  tEach(key: string, params: (lang: 'kk' | 'ru') => Record<string, string | number>): string;
  /** A name kept in both languages. */
  name(text: LocalizedText): string;
  date(date: string): string;
  /** 21.11.2026, the same in every language (table cells). */
  shortDate(date: string): string;
  money(tiyn: number): string;
  /** [start, end) shown as the days it covers: "15.12.2025 – 14.01.2026". */
  period(period: Period): string;
  /** One line per language. */
  words(tiyn: number): string[];
  /** The CSS `content` of the "page N of M" footer. */
  pageContent(): string;
}

const SEPARATOR = ' / ';

/** Both languages' texts, once when they are the same ("№", "Дебет, ₸"). */
const joined = (texts: string[]) => (texts.every((text) => text === texts[0]) ? texts[0]! : texts.join(SEPARATOR));

function languagesOf(language: DocumentLanguage): ('kk' | 'ru')[] {
  return language === 'kk-ru' ? ['kk', 'ru'] : [language];
}

/** `"Стр. {{page}} из {{pages}}"` → `"Стр. " counter(page) " из " counter(pages)`. */
export function pageCounterContent(template: string): string {
  const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;
  return template
    .split(/(\{\{pages?\}\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : quote(part)))
    .join(' ');
}

export function createPrintText(i18n: I18n, language: DocumentLanguage): PrintText {
  const langs = languagesOf(language);
  const fixed = (lang: 'kk' | 'ru') => i18n.getFixedT(lang, 'print');
  const date = (value: string, lang: 'kk' | 'ru') => (language === 'kk-ru' ? formatDateShort(value) : formatDateLong(value, lang));
  return {
    language,
    t: (key, params) => joined(langs.map((lang) => fixed(lang)(key, params ?? {}))),
    tEach: (key, params) => joined(langs.map((lang) => fixed(lang)(key, params(lang)))),
    name: (text) => (language === 'kk-ru' ? (text.kk === text.ru ? text.kk : `${text.kk}${SEPARATOR}${text.ru}`) : text[language]),
    date: (value) => date(value, langs[0]!),
    shortDate: (value) => formatDateShort(value),
    money: (tiyn) => formatMoney(tiyn),
    period: (period) => `${formatDateShort(period.start)} – ${formatDateShort(addDays(period.end, -1))}`,
    words: (tiyn) => langs.map((lang) => amountInWords(Math.abs(tiyn), lang)),
    pageContent: () => langs.map((lang) => pageCounterContent(fixed(lang)('page'))).join(` "${SEPARATOR}" `),
  };
}
