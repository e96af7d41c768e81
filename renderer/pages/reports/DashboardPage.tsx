import { Center, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useClock, useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatDateLong, formatInteger, formatMoney } from '../../i18n/format';
import { ChartFigure } from '../../reports/ChartFigure';
import { availabilityChart, compensationChart, labelledBars, revenueChart } from '../../reports/charts';
import { formatMonth } from '../incidents/CompensationTerms';
import type { DashboardData } from '../../../core';

const REFUND_BUCKETS = ['overdue', 'dueWithinWeek', 'later'] as const;

/**
 * The dashboard: a year of revenue by month and service, subscriptions by
 * status, compensation by month, this year's availability per service
 * against 99.8 %, and the refunds waiting to be paid. All of it comes from
 * aggregates the commands keep (store.dashboard), so it opens at once on a
 * book of a million ledger entries. Every chart is also a table.
 */
export function DashboardPage() {
  const { t } = useTranslation('reports');
  const store = useStore();
  const clock = useClock();
  const language = useUiLanguage();
  const answer = useLiveQuery(async (): Promise<{ data: DashboardData } | { error: unknown }> => {
    try {
      // The app's clock (pinned in tests and demos), not the machine's.
      return { data: await store.dashboard({ now: clock.now().toISOString() }) };
    } catch (error) {
      return { error };
    }
  }, [store, clock]);
  if (answer === undefined) {
    return (
      <Center p="lg">
        <Loader size="sm" aria-label={t('loading')} />
      </Center>
    );
  }
  if ('error' in answer) return <ErrorAlert message={commandErrorText(t, answer.error, language)} />;
  const { data } = answer;
  const revenue = revenueChart(data.revenue, t, language);
  const availability = availabilityChart(data.availability, t, language);
  const statusRows = data.subscriptions.map((s) => ({ label: t(`domain:subscriptionStatus.${s.status}`), value: s.count, text: formatInteger(s.count) }));
  const refundRows = REFUND_BUCKETS.map((bucket) => ({
    label: t(`dashboard.refundBucket.${bucket}`),
    value: data.refundsDue[bucket].amount / 100,
    text: formatMoney(data.refundsDue[bucket].amount),
    count: data.refundsDue[bucket].count,
  }));
  return (
    <Stack gap="md" data-testid="dashboard" data-generated-at={data.generatedAt}>
      <Text>{t('dashboard.lead', { date: formatDateLong(data.today, language) })}</Text>
      <ChartFigure title={t('dashboard.revenue')} chart={revenue.chart} table={revenue.table} testId="chart-revenue" />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartFigure
          title={t('dashboard.subscriptions')}
          chart={labelledBars(statusRows, t('dashboard.count'))}
          table={{ columns: [t('dashboard.status'), t('dashboard.count')], rows: statusRows.map((row) => [row.label, row.text]) }}
          testId="chart-subscriptions"
        />
        <ChartFigure
          title={t('dashboard.refundsDue')}
          chart={labelledBars(refundRows, t('dashboard.amount'))}
          table={{ columns: [t('dashboard.status'), t('dashboard.count'), t('dashboard.amount')], rows: refundRows.map((row) => [row.label, formatInteger(row.count), row.text]) }}
          testId="chart-refunds"
        />
        <ChartFigure
          title={t('dashboard.compensation')}
          chart={compensationChart(data.compensation, t)}
          table={{
            columns: [t('dashboard.month'), t('dashboard.count'), t('dashboard.compensationHours'), t('dashboard.compensationAmount')],
            rows: data.compensation.map((m) => [formatMonth(t, m.month), formatInteger(m.count), formatInteger(m.hours), formatMoney(m.approved)]),
          }}
          testId="chart-compensation"
        />
        <ChartFigure title={t('dashboard.availability', { year: data.availability.year })} chart={availability.chart} table={availability.table} testId="chart-availability" />
      </SimpleGrid>
    </Stack>
  );
}
