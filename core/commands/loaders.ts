import type { Account, Service, Subscription, Tariff } from '../../shared/domain';
import { CommandError } from '../errors';
import { withoutSearchFields, type Reader } from '../tx';

/** Reads the records commands start from, refusing with the record's own code when it is missing or unusable. */
export async function loadAccount(tx: Reader, id: string, field = 'accountId'): Promise<Account> {
  const account = await tx.read.accounts.get(id);
  if (!account) throw new CommandError('errors:account.notFound', { field });
  return withoutSearchFields(account);
}

export async function loadOpenAccount(tx: Reader, id: string, field = 'accountId'): Promise<Account> {
  const account = await loadAccount(tx, id, field);
  if (account.status === 'closed') throw new CommandError('errors:account.closed', { field });
  return account;
}

export async function loadTariff(tx: Reader, id: string, field = 'tariffId'): Promise<Tariff> {
  const tariff = await tx.read.tariffs.get(id);
  if (!tariff) throw new CommandError('errors:tariff.notFound', { field });
  return tariff;
}

export async function loadService(tx: Reader, id: string, field = 'serviceId'): Promise<Service> {
  const service = await tx.read.services.get(id);
  if (!service) throw new CommandError('errors:service.notFound', { field });
  return service;
}

export async function loadSubscription(tx: Reader, id: string, field = 'subscriptionId'): Promise<Subscription> {
  const subscription = await tx.read.subscriptions.get(id);
  if (!subscription) throw new CommandError('errors:subscription.notFound', { field });
  return subscription;
}
