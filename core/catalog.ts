import { z } from 'zod';
import catalogJson from '../resources/seed/catalog.json';
import { DEFAULT_POLICIES } from '../shared/billing';
import { localizedTextSchema, serviceCodeSchema, tariffSchema, type Service, type Tariff } from '../shared/domain';
import { defineCommand } from './registry';

const seedCatalogSchema = z.object({
  version: z.number().int().positive(),
  services: z.array(
    z.object({
      id: z.string().min(1),
      code: serviceCodeSchema,
      name: localizedTextSchema,
      sortOrder: z.number().int(),
      tariffs: z.array(tariffSchema.omit({ serviceId: true, active: true, sortOrder: true })).min(1),
    }),
  ),
});

/** The shipped catalog as records; the JSON is data, checked here so a typo fails loudly in tests. */
export function seedCatalog(): { version: number; services: Service[]; tariffs: Tariff[] } {
  const seed = seedCatalogSchema.parse(catalogJson);
  const services: Service[] = [];
  const tariffs: Tariff[] = [];
  for (const s of seed.services) {
    services.push({ id: s.id, code: s.code, name: s.name, policy: structuredClone(DEFAULT_POLICIES[s.code]), active: true, sortOrder: s.sortOrder });
    s.tariffs.forEach((t, index) => tariffs.push({ ...t, serviceId: s.id, active: true, sortOrder: index + 1 }));
  }
  return { version: seed.version, services, tariffs };
}

/**
 * Writes the shipped services and tariffs on first start. Idempotent twice
 * over: it runs under an operation id that names the seed version, and a
 * service whose code is already present (perhaps edited by staff) is left alone.
 */
export const ensureCatalogCommand = defineCommand({
  name: 'ensureCatalog',
  role: 'operator',
  input: z.object({}),
  ref: () => null,
  run: async (tx): Promise<null> => {
    const { services, tariffs } = seedCatalog();
    for (const service of services) {
      if (await tx.read.services.where('code').equals(service.code).count()) continue;
      await tx.insert('services', service);
      await tx.insertMany('tariffs', tariffs.filter((t) => t.serviceId === service.id));
    }
    return null;
  },
});

export function catalogSeedOpId(): string {
  return `seed-catalog-v${seedCatalog().version}`;
}
