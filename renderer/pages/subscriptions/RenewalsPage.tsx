import { Alert, Anchor, Badge, Button, Card, Center, Group, Loader, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Service, Store, Tariff } from '../../../core';
import { useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatDateLong, formatDateShort, formatInstant, formatInteger, formatMoney } from '../../i18n/format';
import { useRenewalRun, type RenewalTotals } from './renewalRun';
import { SubscriptionsTabs } from './SubscriptionsTabs';
import { SectionCard } from '../../components/SectionCard';
import { StatTile } from '../../components/StatTile';
import { FixedTableHead, ONE_LINE, ONE_LINE_RIGHT, useVirtualRows, VirtualTableBody } from '../../components/virtualRows';

type Preview = Awaited<ReturnType<Store['previewRenewals']>>;
type PreviewLine = Preview['lines'][number];
type Outcome = keyof RenewalTotals;

const OUTCOMES: readonly Outcome[] = ['renewed', 'suspended', 'expired', 'deleted'];
const OUTCOME_COLOR: Record<Outcome, string> = { renewed: 'teal', suspended: 'orange', expired: 'gray', deleted: 'red' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The last run as stored by finishRenewals: its totals are there since the run job exists. */
function totalsOfRun(run: unknown): RenewalTotals | null {
  const totals = (run as { totals?: unknown } | null)?.totals;
  if (typeof totals !== 'object' || totals === null) return null;
  return OUTCOMES.every((o) => typeof (totals as Record<string, unknown>)[o] === 'number') ? (totals as RenewalTotals) : null;
}

/**
 * Renewal runs (§6 runRenewals): pick a business date (today or earlier),
 * see what the run will do (counts per outcome, the amount charged, each
 * subscription it changes), run it with a progress bar, read the result.
 * The last run is shown for reference.
 */
export function RenewalsPage() {
  const { t } = useTranslation('renewals');
  const store = useStore();
  const today = useBusinessToday();
  const language = useUiLanguage();
  const [date, setDate] = useState(today);
  const run = useRenewalRun();
  const dateValid = ISO_DATE.test(date) && date <= today && date >= '2000-01-01';

  // Not re-computed while the run writes (every chunk would restart it); refreshed once it ends.
  const answer = useLiveQuery(async () => {
    if (!dateValid || run.running) return null;
    try {
      const result = await store.previewRenewals(date);
      const names = await store.accountNames(result.lines.map((line) => line.accountId));
      return { preview: { ...result, names }, error: null };
    } catch (error) {
      // A refusal (a tariff without a price on a period start, say) is shown; the run would meet it too.
      return { preview: null, error };
    }
  }, [store, date, dateValid, run.running]);
  const preview = answer === undefined ? undefined : (answer?.preview ?? null);
  const previewError = answer?.error ?? null;
  const catalog = useLiveQuery(async () => ({ services: await store.listServices(), tariffs: await store.listTariffs() }), [store]);
  const lastRun = useLiveQuery(() => store.lastRenewalRun(), [store]);

  const nothingToDo = preview !== undefined && preview !== null && preview.lines.length === 0;
  return (
    <Stack gap="md">
      <SubscriptionsTabs />
      <Title order={2}>{t('title')}</Title>
      <Text maw={860}>{t('intro')}</Text>
      <LastRunCard run={lastRun} />
      <Group align="flex-end" gap="md">
        <TextInput
          type="date"
          label={t('date')}
          description={t('dateHint')}
          value={date}
          max={today}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={dateValid ? null : t('dateInvalid')}
          disabled={run.running}
          w={220}
        />
        <Button onClick={() => run.start(date)} loading={run.running} disabled={!dateValid || run.running || preview === undefined || preview === null || nothingToDo}>
          {t('run.submit')}
        </Button>
      </Group>
      {run.running && <RunProgress progress={run.progress} />}
      {!run.running && run.error !== null && (
        <Alert color="red" variant="light" role="alert" title={t('run.failed')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{commandErrorText(t, run.error, language)}</Text>
            <Button size="xs" variant="default" onClick={run.resume}>
              {t('run.resume')}
            </Button>
          </Stack>
        </Alert>
      )}
      {!run.running && run.result && <OutcomeCards title={t('result.title', { date: formatDateShort(run.result.date) })} totals={run.result.totals} labels="done" />}
      {previewError !== null && <ErrorAlert message={commandErrorText(t, previewError, language)} />}
      {dateValid && !run.running && previewError === null && (
        <PreviewSection date={date} preview={preview ?? undefined} services={catalog?.services ?? []} tariffs={catalog?.tariffs ?? []} />
      )}
    </Stack>
  );
}

function LastRunCard({ run }: { run: Awaited<ReturnType<Store['lastRenewalRun']>> | undefined }) {
  const { t } = useTranslation('renewals');
  const language = useUiLanguage();
  if (run === undefined) return null;
  const totals = totalsOfRun(run);
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="renewals-last-run" maw={860}>
      <Stack gap={4}>
        <Text fw={600} id="renewals-last-run">
          {t('lastRun.title')}
        </Text>
        {run === null ? (
          <Text size="sm" c="dimmed">
            {t('lastRun.none')}
          </Text>
        ) : (
          <>
            <Group gap="xl">
              <Text size="sm" fw={600}>
                {t('lastRun.date', { date: formatDateLong(run.date, language) })}
              </Text>
              <Text size="sm">{t('lastRun.at', { at: formatInstant(run.at) })}</Text>
              <Text size="sm">{t('lastRun.actor', { actor: run.actor })}</Text>
            </Group>
            {totals && (
              <Text size="sm" c="dimmed">
                {t('lastRun.totals', {
                  renewed: formatInteger(totals.renewed),
                  suspended: formatInteger(totals.suspended),
                  expired: formatInteger(totals.expired),
                  deleted: formatInteger(totals.deleted),
                })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function RunProgress({ progress }: { progress: { done: number; total: number } | null }) {
  const { t } = useTranslation('renewals');
  const known = progress !== null && progress.total > 0;
  const percent = known ? Math.min(100, Math.floor((progress.done * 100) / progress.total)) : 0;
  return (
    <Paper withBorder p="sm" role="group" aria-label={t('run.progressLabel')} maw={860}>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {known ? t('run.progress', { done: formatInteger(progress.done), total: formatInteger(progress.total) }) : t('run.starting')}
        </Text>
        <Progress value={known ? percent : 100} striped={!known} animated aria-label={t('run.progressLabel')} />
      </Stack>
    </Paper>
  );
}

/** Four counts (one per outcome), with the amount and periods charged for renewals when known. */
function OutcomeCards({ title, totals, labels, amount, periods }: { title: string; totals: RenewalTotals; labels: 'planned' | 'done'; amount?: number; periods?: number }) {
  const { t } = useTranslation('renewals');
  return (
    <SectionCard title={title}>
      <SimpleGrid cols={{ base: 2, md: amount === undefined ? 4 : 5 }} spacing="sm">
        {OUTCOMES.map((outcome) => (
          <StatTile key={outcome} valueSize="xl" label={t(`${labels}.${outcome}`)} value={formatInteger(totals[outcome])} color={totals[outcome] > 0 ? OUTCOME_COLOR[outcome] : undefined} />
        ))}
        {amount !== undefined && <StatTile valueSize="xl" label={t('preview.amount')} value={formatMoney(amount)} note={t('preview.periods', { count: periods ?? 0, formatted: formatInteger(periods ?? 0) })} />}
      </SimpleGrid>
    </SectionCard>
  );
}

function PreviewSection({ date, preview, services, tariffs }: { date: string; preview: (Preview & { names: Record<string, string> }) | undefined; services: Service[]; tariffs: Tariff[] }) {
  const { t } = useTranslation('renewals');
  if (preview === undefined) {
    return (
      <Center p="lg">
        <Loader aria-label={t('preview.loading')} />
      </Center>
    );
  }
  if (preview.lines.length === 0) return <Text c="dimmed">{t('preview.nothing')}</Text>;
  const periods = preview.lines.reduce((sum, line) => sum + line.periods, 0);
  return (
    <>
      <OutcomeCards title={t('preview.title', { date: formatDateShort(date) })} totals={preview.totals} labels="planned" amount={preview.amount} periods={periods} />
      <PreviewTable lines={preview.lines} names={preview.names} services={services} tariffs={tariffs} />
    </>
  );
}

const ROW_HEIGHT = 41;
const COLUMNS = [
  { key: 'client', width: undefined },
  { key: 'service', width: undefined },
  { key: 'tariff', width: 170 },
  { key: 'outcome', width: 260 },
  { key: 'periods', width: 100, right: true },
  { key: 'amount', width: 150, right: true },
] as const;

/** The preview's lines, virtualized (a run may touch thousands of subscriptions): fixed one-line rows. */
function PreviewTable({ lines, names, services, tariffs }: { lines: PreviewLine[]; names: Record<string, string>; services: Service[]; tariffs: Tariff[] }) {
  const { t } = useTranslation('renewals');
  const language = useUiLanguage();
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const tariffById = new Map(tariffs.map((x) => [x.id, x]));
  const { scrollRef, visible } = useVirtualRows(lines.length, ROW_HEIGHT);
  const height = Math.min(520, (lines.length + 1) * ROW_HEIGHT + 4);

  return (
    <div ref={scrollRef} style={{ height, overflow: 'auto' }}>
      <Table stickyHeader highlightOnHover verticalSpacing={8} miw={980} style={{ tableLayout: 'fixed' }} aria-label={t('preview.tableLabel')} aria-rowcount={lines.length + 1}>
        <FixedTableHead columns={COLUMNS} label={(column) => t(`columns.${column.key}`)} />
        <VirtualTableBody rows={lines} visible={visible} colSpan={COLUMNS.length}>
          {(line, rowIndex) => {
            const name = names[line.accountId] ?? '';
            const service = serviceById.get(line.serviceId)?.name[language] ?? '';
            const tariff = tariffById.get(line.tariffId)?.name[language] ?? '';
            return (
              <Table.Tr key={line.subscriptionId} aria-rowindex={rowIndex} style={{ height: ROW_HEIGHT }}>
                <Table.Td style={ONE_LINE} title={name}>
                  <Anchor component={Link} to={`/accounts/${line.accountId}`} fw={500}>
                    {name}
                  </Anchor>
                </Table.Td>
                <Table.Td style={ONE_LINE} title={service}>
                  {service}
                </Table.Td>
                <Table.Td style={ONE_LINE} title={tariff}>
                  {tariff}
                </Table.Td>
                <Table.Td style={ONE_LINE}>
                  <Group gap={4} wrap="nowrap">
                    {line.outcomes.map((outcome) => (
                      <Badge key={outcome} variant="light" color={OUTCOME_COLOR[outcome]} tt="none" fw={600}>
                        {t(`outcome.${outcome}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td style={ONE_LINE_RIGHT}>{line.periods > 0 ? formatInteger(line.periods) : '—'}</Table.Td>
                <Table.Td style={ONE_LINE_RIGHT} fw={500}>
                  {line.amount > 0 ? formatMoney(line.amount) : '—'}
                </Table.Td>
              </Table.Tr>
            );
          }}
        </VirtualTableBody>
      </Table>
    </div>
  );
}
