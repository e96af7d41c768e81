import type { DocumentLanguage, IssuedDocument } from '../../shared/domain';

/** `AVR-2026-00012.kk-ru.pdf`: the number (unique, sortable) and the language printed. */
export function documentFileName(document: Pick<IssuedDocument, 'displayNumber'>, language: DocumentLanguage): string {
  return `${document.displayNumber}.${language}.pdf`;
}
