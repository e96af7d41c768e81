import { z } from 'zod';
import catalogJson from '../resources/seed/catalog.json';
import { DEFAULT_POLICIES } from '../shared/billing';
import { localizedTextSchema, serviceCodeSchema, tariffSchema, type Service, type Tariff } from '../shared/domain';
import { runCommand, type CommandDeps } from './commands/run';

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
 * over: the operation id names the seed version, and a service whose code is
 * already present (perhaps edited by staff) is left alone.
 */
export async function ensureCatalog(deps: CommandDeps): Promise<void> {
  const { version, services, tariffs } = seedCatalog();
  if ((await deps.db.services.count()) >= services.length) return;
  await runCommand(deps, 'ensureCatalog', `seed-catalog-v${version}`, async (writer) => {
    for (const service of services) {
      if (await writer.db.services.where('code').equals(service.code).count()) continue;
      await writer.insert('services', service);
      await writer.bulkInsert('tariffs', tariffs.filter((t) => t.serviceId === service.id));
      await writer.audit({ table: 'services', id: service.id }, null, service);
    }
    return { result: null, ref: null };
  });
}
