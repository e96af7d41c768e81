import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../renderer/i18n/format';
import { parseMoneyInput } from '../../renderer/i18n/parseMoney';

describe('parseMoneyInput', () => {
  it.each([
    ['15 000,50', 1500050],
    ['15000.5', 1500050],
    ['15\u00a0000,05', 1500005],
    ['1', 100],
    ['0,01', 1],
    ['224,95', 22495],
    ['  7 ₸', 700],
    ['12,', 1200],
  ])('reads %j as %i tiyn', (text, tiyn) => {
    expect(parseMoneyInput(text)).toEqual({ ok: true, tiyn });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'format'],
    ['-5', 'format'],
    ['1,2,3', 'format'],
    ['1.000,50', 'format'],
    ['1e5', 'format'],
    ['10,505', 'tooManyDecimals'],
    ['99999999999999999999', 'tooLarge'],
  ])('refuses %j (%s)', (text, error) => {
    expect(parseMoneyInput(text)).toEqual({ ok: false, error });
  });

  it('reads back whatever formatMoney writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (tiyn) => {
        expect(parseMoneyInput(formatMoney(tiyn))).toEqual({ ok: true, tiyn });
      }),
    );
  });
});
