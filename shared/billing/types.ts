/** A calendar day in business time (UTC+05:00): 'YYYY-MM-DD'. */
export type IsoDate = string;
/** An instant, ISO 8601 with an explicit offset: '2026-03-31T22:00:00+05:00'. */
export type IsoDateTime = string;
/** Money: an integer number of tiyn (1 KZT = 100 tiyn). */
export type Tiyn = number;

export type Cause =
  | 'provider'
  | 'planned'
  | 'force_majeure'
  | 'client'
  | 'third_party_software'
  | 'network_dns';

export const CAUSES: readonly Cause[] = [
  'provider',
  'planned',
  'force_majeure',
  'client',
  'third_party_software',
  'network_dns',
];

export type LedgerBucket = 'money' | 'bonus';
