/**
 * Reads an amount typed by a person ("15 000,50", "15000.5", "15 000 ₸") into
 * integer tiyn with string and integer arithmetic only: `parseFloat` would
 * bring binary fractions into money.
 */
export type MoneyParseError = 'empty' | 'format' | 'tooManyDecimals' | 'tooLarge';
export type MoneyParseResult = { ok: true; tiyn: number } | { ok: false; error: MoneyParseError };

// Regular, no-break, narrow no-break and thin spaces: all appear as digit group separators.
const GROUP_SEPARATORS = /[\s\u00a0\u202f\u2009]/g;

export function parseMoneyInput(text: string): MoneyParseResult {
  const compact = text.replace(GROUP_SEPARATORS, '').replace(/₸$/, '');
  if (compact === '') return { ok: false, error: 'empty' };
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(compact);
  if (!match) return { ok: false, error: 'format' };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, error: 'tooManyDecimals' };
  const tiyn = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (tiyn > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'tooLarge' };
  return { ok: true, tiyn: Number(tiyn) };
}
