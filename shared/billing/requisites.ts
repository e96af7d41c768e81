/**
 * Checks of the provider's bank requisites printed on invoices (issue 10).
 * They say only whether a value is well-formed; the store maps a failure to
 * its own message.
 */

/** An IBAN as people type it (spaces, lower case) in its electronic form. */
function normalizeIban(value: string): string {
  return typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : '';
}

/** Kazakhstan's IBAN (ИИК): KZ, 2 check digits, 3-digit bank code, 13 account characters. */
const KZ_IBAN = /^KZ\d{2}\d{3}[0-9A-Z]{13}$/;

/**
 * ISO 13616: move the first four characters to the end, letters become
 * 10 … 35, and the number must leave 1 when divided by 97. Digit by digit,
 * so no big number is needed.
 */
export function ibanChecksumValid(iban: string): boolean {
  if (typeof iban !== 'string' || !/^[A-Z]{2}\d{2}[0-9A-Z]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** A KZ IBAN (normalised first): 20 characters in the national format with a valid ISO 13616 checksum. */
export function isValidKzIban(value: string): boolean {
  if (typeof value !== 'string') return false;
  const iban = normalizeIban(value);
  return KZ_IBAN.test(iban) && ibanChecksumValid(iban);
}

/** A Kazakh bank's BIC (БИК) in the SWIFT form: 4 letters, KZ, 2 letters or digits, optionally a 3-character branch. */
export function isValidBik(value: string): boolean {
  return typeof value === 'string' && /^[A-Z]{4}KZ[0-9A-Z]{2}([0-9A-Z]{3})?$/.test(value.trim().toUpperCase());
}

/** Beneficiary code (КБе): residency (1 resident, 2 non-resident) then economic sector 1–9. */
export function isValidKbe(value: string): boolean {
  return typeof value === 'string' && /^[12][1-9]$/.test(value.trim());
}

/** Payment purpose code (КНП): three digits. */
export function isValidKnp(value: string): boolean {
  return typeof value === 'string' && /^\d{3}$/.test(value.trim());
}
