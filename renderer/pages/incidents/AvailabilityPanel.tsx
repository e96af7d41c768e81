import { Card, Center, Group, Loader, NativeSelect, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Store } from '../../../core';
import { useStore } from '../../app/services';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatInteger } from '../../i18n/format';
import { formatBasisPoints, formatDecimal, formatDuration } from './incidentTime';

type AvailabilityRow = Awaited<ReturnType<Store['availability']>>['services'][number];

/** Years offered: the current one and this many before it. */
const YEARS_BACK = 5;
const MS_PER_HOUR = 3_600_000;

/**
 * Availability per service with a yearly guarantee (domain-rules §4.4) for
 * a calendar year in business time: downtime, availability, the 99.8 %
 * budget (17.52 h; 17.568 h in a leap year) and how much of it is used, as a
 * bar with the same value in words beside it. Open incidents count up to
 * the app clock's now; planned works announced at least 48 h ahead do not
 * count.
 */
export function AvailabilityPanel({ currentYear, now }: { currentYear: number; now: number }) {
  const { t } = useTranslation('incidents');
  const store = useStore();
  const [year, setYear] = useState(currentYear);
  const titleId = useId();
  const asOf = new Date(now).toISOString();
  const answer = useLiveQuery(async () => ({ year, result: await store.availability({ year, asOf }) }), [store, year, asOf]);
  const result = answer?.year === year ? answer.result : undefined;
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => currentYear - i);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={3} id={titleId}>
            {t('availability.title')}
          </Title>
          <NativeSelect
            label={t('availability.year')}
            value={String(year)}
            onChange={(event) => setYear(Number(event.currentTarget.value))}
            data={years.map((y) => ({ value: String(y), label: String(y) }))}
            w={120}
          />
        </Group>
        {result === undefined ? (
          <Center p="md">
            <Loader size="sm" aria-label={t('common:loading')} />
          </Center>
        ) : result.services.length === 0 ? (
          <Text c="dimmed">{t('availability.noGuarantee')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={8} aria-label={t('availability.tableLabel', { year })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('availability.columns.service')}</Table.Th>
                  <Table.Th>{t('availability.columns.downtime')}</Table.Th>
                  <Table.Th>{t('availability.columns.availability')}</Table.Th>
                  <Table.Th>{t('availability.columns.budget')}</Table.Th>
                  <Table.Th miw={260}>{t('availability.columns.used')}</Table.Th>
                  <Table.Th>{t('availability.columns.incidents')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.services.map((row) => (
                  <AvailabilityLine key={row.serviceId} row={row} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed" maw={900}>
          {t('availability.note')}
        </Text>
      </Stack>
    </Card>
  );
}

function AvailabilityLine({ row }: { row: AvailabilityRow }) {
  const { t } = useTranslation('incidents');
  const language = useUiLanguage();
  const { report } = row;
  const service = row.serviceName[language];
  const budgetHours = formatDecimal(report.budgetMs / MS_PER_HOUR, 3);
  const usedBp = report.budgetUsedBp ?? 0;
  const usedText = t('availability.usedText', {
    percent: formatBasisPoints(usedBp),
    downtime: formatDuration(t, report.downtimeMinutes),
    budget: budgetHours,
  });
  const barValue = Math.min(100, usedBp / 100);
  const color = report.meetsTarget ? (usedBp >= 8000 ? 'yellow' : 'teal') : 'red';
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Th scope="row" fw={500}>
        {service}
      </Table.Th>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatDuration(t, report.downtimeMinutes)}</Text>
        <Text size="xs" c="dimmed">
          {t('availability.hours', { hours: formatDecimal(report.downtimeMs / MS_PER_HOUR, 2) })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {t('availability.percent', { percent: formatBasisPoints(report.availabilityBp) })}
        </Text>
        <Text size="xs" c={report.meetsTarget ? 'teal.8' : 'red.7'} fw={500}>
          {report.meetsTarget ? t('availability.meets', { target: formatBasisPoints(report.targetBp) }) : t('availability.misses', { target: formatBasisPoints(report.targetBp) })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t('availability.hours', { hours: budgetHours })}</Text>
        <Text size="xs" c="dimmed">
          {t('availability.budgetOf', { share: formatBasisPoints(10000 - report.targetBp), hours: formatInteger(report.hoursInYear) })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Progress.Root size="md">
            <Progress.Section
              value={barValue}
              color={color}
              withAria={false}
              role="progressbar"
              aria-label={t('availability.usedLabel', { service })}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={barValue}
              aria-valuetext={usedText}
            />
          </Progress.Root>
          <Text size="sm">{usedText}</Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t('availability.counted', { count: row.incidents, formatted: formatInteger(row.incidents) })}</Text>
        {row.open > 0 && (
          <Text size="xs" c="dimmed">
            {t('availability.open', { formatted: formatInteger(row.open) })}
          </Text>
        )}
        {row.excludedPlanned > 0 && (
          <Text size="xs" c="dimmed">
            {t('availability.excludedPlanned', { formatted: formatInteger(row.excludedPlanned) })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
