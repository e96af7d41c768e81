import { z } from 'zod';
import { isValidBik, isValidIinBin, isValidKbe, isValidKnp, isValidKzIban } from '../../shared/billing';
import { iinBinMatchesKind, personNameInputSchema, TEXT_LIMITS, textSchema, type ProviderRequisites } from '../../shared/domain';
import { CommandError } from '../errors';
import { defineCommand } from '../registry';
import type { Reader } from '../tx';

/** The settings row with the provider's requisites. */
export const REQUISITES_SETTING = 'providerRequisites';

/** A logo is a PNG or JPEG kept inside the database and every document: small enough to print fast. */
export const MAX_LOGO_BYTES = 300 * 1024;
const LOGO_DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

function logoBytes(base64: string): number {
  return Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
}

const checked = (test: (value: string) => boolean, code: string, clean: (value: string) => string = (v) => v.trim()) =>
  z
    .string({ error: code })
    .transform(clean)
    .refine(test, { error: code });

const localizedLine = (max: number) =>
  z.object({
    kk: textSchema({ max }),
    ru: textSchema({ max }),
  });

/**
 * The requisites as an admin enters them. BIN: a checksum-valid legal
 * entity's; IBAN (ИИК): Kazakh, ISO 13616 check, kept without spaces and in
 * upper case; BIK in SWIFT form; КБе and the invoices' КНП as codes.
 */
export const providerRequisitesInput = z.object({
  name: localizedLine(TEXT_LIMITS.accountName),
  bin: checked((v) => isValidIinBin(v) && iinBinMatchesKind(v, 'legal_entity'), 'errors:requisites.binInvalid', (v) => v.replace(/\s+/g, '')),
  address: localizedLine(TEXT_LIMITS.notes),
  // Kept as the electronic form: no spaces, upper case (isValidKzIban accepts it typed either way).
  iban: checked(isValidKzIban, 'errors:requisites.ibanInvalid', (v) => v.replace(/\s+/g, '').toUpperCase()),
  bank: textSchema({ max: TEXT_LIMITS.accountName }),
  bik: checked(isValidBik, 'errors:requisites.bikInvalid', (v) => v.trim().toUpperCase()),
  kbe: checked(isValidKbe, 'errors:requisites.kbeInvalid'),
  knp: checked(isValidKnp, 'errors:requisites.knpInvalid'),
  director: personNameInputSchema,
  chiefAccountant: personNameInputSchema,
  phone: textSchema({ max: TEXT_LIMITS.phone, required: false }),
  email: textSchema({ max: TEXT_LIMITS.email, required: false }),
  logo: z
    .string({ error: 'errors:requisites.logoInvalid' })
    .refine((v) => {
      const match = LOGO_DATA_URL.exec(v);
      return match !== null && logoBytes(match[2]!) <= MAX_LOGO_BYTES;
    }, { error: 'errors:requisites.logoInvalid' })
    .nullable()
    .default(null),
});

/**
 * Saves the provider's requisites (admin). Documents issued afterwards
 * carry the new values; documents already issued keep the ones they were
 * issued with.
 */
export const saveProviderRequisites = defineCommand({
  name: 'saveProviderRequisites',
  role: 'admin',
  input: providerRequisitesInput,
  ref: () => ({ table: 'settings' as const, id: REQUISITES_SETTING }),
  run: async (tx, input): Promise<ProviderRequisites> => {
    const requisites: ProviderRequisites = { ...input };
    if (requisites.phone === undefined) delete requisites.phone;
    if (requisites.email === undefined) delete requisites.email;
    await tx.putSetting(REQUISITES_SETTING, requisites);
    return requisites;
  },
});

export async function readRequisites(reader: Reader): Promise<ProviderRequisites | null> {
  const row = await reader.read.settings.get(REQUISITES_SETTING);
  return (row?.value as ProviderRequisites | undefined) ?? null;
}

/** Documents cannot be issued before the provider has said who it is. */
export async function requireRequisites(reader: Reader): Promise<ProviderRequisites> {
  const requisites = await readRequisites(reader);
  if (!requisites) throw new CommandError('errors:documents.requisitesMissing');
  return requisites;
}
