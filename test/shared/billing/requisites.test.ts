import { describe, expect, it } from 'vitest';
import { ibanChecksumValid, isValidBik, isValidKbe, isValidKnp, isValidKzIban } from '../../../shared/billing';

describe('KZ IBAN (ИИК), ISO 13616', () => {
  it('accepts well-formed IBANs, typed with spaces or in lower case', () => {
    expect(isValidKzIban('KZ566010002000012345')).toBe(true);
    expect(isValidKzIban('KZ18722S000012345678')).toBe(true);
    expect(isValidKzIban('kz56 6010 0020 0001 2345')).toBe(true);
  });

  it('refuses a wrong check digit, a swapped pair, another country or length', () => {
    expect(isValidKzIban('KZ576010002000012345')).toBe(false);
    expect(isValidKzIban('KZ566010002000012354')).toBe(false);
    expect(isValidKzIban('DE89370400440532013000')).toBe(false);
    expect(ibanChecksumValid('DE89370400440532013000')).toBe(true);
    expect(isValidKzIban('KZ56601000200001234')).toBe(false);
    expect(isValidKzIban('')).toBe(false);
  });
});

describe('BIK, КБе, КНП', () => {
  it('BIK is the SWIFT form of a Kazakh bank', () => {
    expect(isValidBik('HSBKKZKX')).toBe(true);
    expect(isValidBik('CASPKZKA')).toBe(true);
    expect(isValidBik('KCJBKZKX001')).toBe(true);
    expect(isValidBik('HSBKRUKX')).toBe(false);
    expect(isValidBik('HSBKKZK')).toBe(false);
  });

  it('КБе is residency 1 or 2 then sector 1–9', () => {
    expect(isValidKbe('17')).toBe(true);
    expect(isValidKbe('29')).toBe(true);
    expect(isValidKbe('30')).toBe(false);
    expect(isValidKbe('10')).toBe(false);
    expect(isValidKbe('7')).toBe(false);
  });

  it('КНП is three digits', () => {
    expect(isValidKnp('859')).toBe(true);
    expect(isValidKnp('85')).toBe(false);
    expect(isValidKnp('85a')).toBe(false);
  });
});
