import names from '../../resources/demo/names.json';
import { makeIinBin } from '../../shared/billing';
import type { AccountKind } from '../../shared/domain';
import type { Random } from './random';

type Lang = 'kk' | 'ru';

export interface DemoParty {
  kind: AccountKind;
  name: string;
  responsiblePerson?: string;
  language: Lang;
  email: string;
  phone: string;
  iinBin: string;
}

const TRANSLIT: Record<string, string> = names.translit;

function latin(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) out += TRANSLIT[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '');
  return out;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Identifiers that pass the checksum and fit the kind: an IIN starts with the
 * birth date and a century/sex digit, a BIN with the registration month and
 * the legal-entity digit 4. Unique within one generation.
 */
export class IinBinFactory {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  iin(female: boolean): string {
    for (;;) {
      const year = this.random.int(1955, 2004);
      const century = year >= 2000 ? (female ? '6' : '5') : female ? '4' : '3';
      const first11 = `${twoDigits(year % 100)}${twoDigits(this.random.int(1, 12))}${twoDigits(this.random.int(1, 28))}${century}${this.random.digits(4)}`;
      const id = this.accept(first11);
      if (id) return id;
    }
  }

  bin(): string {
    for (;;) {
      const year = this.random.int(2000, 2025);
      const first11 = `${twoDigits(year % 100)}${twoDigits(this.random.int(1, 12))}40${this.random.digits(5)}`;
      const id = this.accept(first11);
      if (id) return id;
    }
  }

  private accept(first11: string): string | null {
    const id = makeIinBin(first11);
    if (id === null || this.used.has(id)) return null;
    this.used.add(id);
    return id;
  }
}

function personName(random: Random, lang: Lang, female: boolean): { full: string; first: string; last: string } {
  const list = names[lang];
  const first = random.pick(female ? list.femaleFirst : list.maleFirst);
  const last = random.pick(list.surnames)[female ? 1 : 0]!;
  const patronymic = random.pick(list.patronymics)[female ? 1 : 0]!;
  return { full: `${last} ${first} ${patronymic}`, first, last };
}

function phone(random: Random): string {
  return `+7${random.pick(names.mobilePrefixes)}${random.digits(7)}`;
}

export function demoParty(random: Random, ids: IinBinFactory): DemoParty {
  const lang: Lang = random.chance(0.55) ? 'kk' : 'ru';
  const language: Lang = random.chance(0.8) ? lang : lang === 'kk' ? 'ru' : 'kk';
  const female = random.chance(0.5);
  const person = personName(random, lang, female);
  const roll = random.next();
  const domain = random.pick(names.emailDomains);
  if (roll < 0.35) {
    return {
      kind: 'individual',
      name: person.full,
      language,
      email: `${latin(person.first)}.${latin(person.last)}${random.int(1, 99)}@${domain}`,
      phone: phone(random),
      iinBin: ids.iin(female),
    };
  }
  if (roll < 0.6) {
    return {
      kind: 'sole_proprietor',
      name: `${names.soleProprietorPrefix} ${person.full}`,
      responsiblePerson: person.full,
      language,
      email: `ip.${latin(person.last)}${random.int(1, 999)}@${domain}`,
      phone: phone(random),
      iinBin: ids.iin(female),
    };
  }
  const list = names[lang];
  const brand = random.chance(0.5) ? random.pick(list.companyWords) : `${random.pick(list.companyWords)} ${random.pick(list.companySuffixes)}`;
  const [open, close] = names.quotes;
  return {
    kind: 'legal_entity',
    name: `${random.pick(names.legalForms)} ${open}${brand}${close}`,
    responsiblePerson: person.full,
    language,
    email: `${random.pick(['info', 'buh', 'office', 'admin'])}@${latin(brand).slice(0, 20)}${random.int(1, 999)}.kz`,
    phone: phone(random),
    iinBin: ids.bin(),
  };
}
