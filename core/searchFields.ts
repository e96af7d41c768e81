/**
 * Derived, lower-cased copies of account fields that the search indexes use.
 * Kept next to the record (not in a separate table) so that one put updates both.
 */
export interface AccountSearchFields {
  /** Lower-case words of the name (multiEntry index: word-prefix search). */
  nameWords: string[];
  /** The phone's digits only, e.g. '77011234567'; '' when there is no phone. */
  phoneDigits: string;
  /** Lower-cased e-mail; '' when there is none. */
  emailLower: string;
}

/** Splits on anything that is not a letter or a digit (spaces, quotes «», dashes, dots). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\u0451/g, '\u0435') // yo → ye: people type either
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

export function searchFieldsOf(account: { name: string; phone?: string; email?: string }): AccountSearchFields {
  return {
    nameWords: [...new Set(wordsOf(account.name))],
    phoneDigits: (account.phone ?? '').replace(/\D/g, ''),
    emailLower: (account.email ?? '').trim().toLowerCase(),
  };
}
