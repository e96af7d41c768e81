import { DEMO_REQUISITES } from '../../core/demo/generate';
import { makeIinBin } from '../../shared/billing';
import type { AccountInput } from '../../core';
import type { Report } from '../../shared/domain';
import { sampleStore } from './documentsDataset';

/**
 * The deterministic book `npm run reports:sample` prints the reports from:
 * the real store (fake IndexedDB in Node) with its clock pinned, written
 * through the commands: clients of three services paying, renewing,
 * changing tariff and cancelling from January to April 2026, two outages
 * and a force majeure, compensation approved and rejected, refunds decided
 * and overdue, and two subscriptions suspended for non-payment.
 */
export type SampleReports = Record<Report['kind'], Report>;

const CLIENTS = [
  { name: '«Шаһар Өңір Ғылым Құрылыс» ЖШС', money: 6_000_000, tariffId: 'tar-cloud1c-m' },
  { name: 'ТОО «Алтын Сапа»', money: 4_000_000, tariffId: 'tar-cloud1c-s' },
  { name: '«Бәйтерек Сервис» ЖШС', money: 900_000, tariffId: 'tar-cloud1c-s' },
  { name: '«Қайнар Білім» ЖШС', money: 3_000_000, tariffId: 'tar-onebuh-standard' },
  { name: 'ТОО «Жібек Жолы Трейд»', money: 600_000, tariffId: 'tar-onebuh-start' },
  { name: '«Ұлытау Медиа» ЖШС', money: 1_000_000, tariffId: 'tar-site-card' },
] as const;

/** The n-th valid BIN of a legal entity registered in March 2015 (the checksum digit computed). */
function sampleBin(n: number): string {
  for (let serial = n * 10; ; serial++) {
    const bin = makeIinBin(`150340${String(serial).padStart(5, '0')}`);
    if (bin) return bin;
  }
}

export async function buildSampleReports(): Promise<SampleReports> {
  const { store, opId, setNow } = sampleStore('2026-01-05T10:00:00+05:00');
  await store.ensureCatalog();
  await store.saveProviderRequisites({ ...DEMO_REQUISITES, opId: opId() });
  const subs: { accountId: string; subscriptionId: string }[] = [];
  for (const [i, client] of CLIENTS.entries()) {
    const input: AccountInput = { kind: 'legal_entity', name: client.name, iinBin: sampleBin(i + 1), language: 'kk', phone: `+7 701 555 12 ${30 + i}` };
    const account = await store.createAccount({ ...input, opId: opId() });
    await store.recordPayment({ accountId: account.id, amount: client.money, date: '2026-01-05', method: 'bank_transfer', reference: '№ 112', opId: opId() });
    const sub = await store.createSubscription({ accountId: account.id, tariffId: client.tariffId, startDate: '2026-01-05', autoRenew: true, opId: opId() });
    await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
    subs.push({ accountId: account.id, subscriptionId: sub.id });
  }
  setNow('2026-01-20T18:00:00+05:00');
  const outage = await store.recordIncident({ serviceId: 'svc-cloud1c', start: '2026-01-14T09:10:00+05:00', end: '2026-01-14T15:45:00+05:00', cause: 'provider', source: 'monitoring', opId: opId() });
  const lines = await store.proposeCompensations({ incidentId: outage.id, opId: opId() });
  await store.approveCompensation({ compensationId: lines[0]!.id, opId: opId() });
  await store.rejectCompensation({ compensationId: lines[1]!.id, reason: 'Сервер клиента был выключен', opId: opId() });
  const storm = await store.recordIncident({ serviceId: 'svc-cloud1c', start: '2026-01-18T03:00:00+05:00', end: '2026-01-18T05:30:00+05:00', cause: 'force_majeure', source: 'monitoring', opId: opId() });
  await store.proposeCompensations({ incidentId: storm.id, opId: opId() });
  const site = await store.recordIncident({ serviceId: 'svc-site-builder', start: '2026-01-19T11:00:00+05:00', end: '2026-01-19T12:20:00+05:00', cause: 'provider', source: 'monitoring', opId: opId() });
  await store.proposeCompensations({ incidentId: site.id, opId: opId() });
  await store.approveIncidentCompensations({ incidentId: site.id, opId: opId() });
  const { refund: onebuhRefund } = await store.cancelSubscription({ subscriptionId: subs[4]!.subscriptionId, date: '2026-01-20', opId: opId() });
  setNow('2026-01-22T11:00:00+05:00');
  if (onebuhRefund) await store.approveRefund({ refundId: onebuhRefund.id, opId: opId() });

  setNow('2026-02-05T10:00:00+05:00');
  await store.runRenewals({ date: '2026-02-05', opId: opId() });
  setNow('2026-02-12T10:00:00+05:00');
  await store.changeTariff({ subscriptionId: subs[1]!.subscriptionId, tariffId: 'tar-cloud1c-m', date: '2026-02-12', opId: opId() });
  setNow('2026-02-20T10:00:00+05:00');
  await store.cancelSubscription({ subscriptionId: subs[3]!.subscriptionId, date: '2026-02-20', opId: opId() });
  setNow('2026-03-05T10:00:00+05:00');
  await store.runRenewals({ date: '2026-03-05', opId: opId() });
  setNow('2026-04-05T10:00:00+05:00');
  await store.recordIncident({
    serviceId: 'svc-cloud1c',
    start: '2026-03-08T02:00:00+05:00',
    end: '2026-03-08T03:00:00+05:00',
    cause: 'planned',
    announcedAt: '2026-03-04T10:00:00+05:00',
    source: 'monitoring',
    opId: opId(),
  });
  await store.runRenewals({ date: '2026-04-05', opId: opId() });

  const now = '2026-04-06T10:00:00+05:00';
  const range = { from: '2026-01-01', to: '2026-04-30', now };
  return {
    compensation: await store.compensationReport(range),
    refunds: await store.refundsReport(range),
    availability: await store.availabilityReport({ year: 2026, now }),
    revenue: await store.revenueReport(range),
    debtors: await store.debtorsReport({ now }),
  };
}
