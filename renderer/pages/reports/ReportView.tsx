import { Alert, Button, Center, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report, ReportKind } from '../../../shared/domain';
import { useAppApi, useClock, useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAppInfo } from '../../hooks/useAppInfo';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import type { UiLanguage } from '../../i18n/format';
import { CSV_MIME, reportCsv, reportXlsx, XLSX_MIME } from '../../reports/exportReport';
import { reportFileName } from '../../reports/fileName';
import { reportTables } from '../../reports/reportTable';
import { ReportSectionTable } from './ReportSectionTable';

interface Filter {
  from: string;
  to: string;
  year: string;
  serviceId: string;
}

type Answer = { key: string; report: Report } | { key: string; error: unknown };

/**
 * One report: its filter (a date range, or a year for availability, or
 * nothing but the service for debtors, a snapshot of today), its key
 * figures and tables in the UI language, and its exports (PDF through the
 * print page, CSV, XLSX) in a language chosen here.
 */
export function ReportView({ kind }: { kind: ReportKind }) {
  const { t, i18n } = useTranslation('reports');
  const store = useStore();
  const clock = useClock();
  const api = useAppApi();
  const info = useAppInfo();
  const language = useUiLanguage();
  const today = useBusinessToday();
  const [filter, setFilter] = useState<Filter>(() => ({ from: `${today.slice(0, 4)}-01-01`, to: today, year: today.slice(0, 4), serviceId: '' }));
  const [exportLanguage, setExportLanguage] = useState<UiLanguage | ''>('');
  const services = useLiveQuery(() => store.listServices(), [store]);
  const rangeInvalid = kind !== 'availability' && kind !== 'debtors' && filter.from !== '' && filter.to !== '' && filter.from > filter.to;
  const key = JSON.stringify([kind, filter]);

  const answer = useLiveQuery(async (): Promise<Answer | null> => {
    if (rangeInvalid || filter.from === '' || filter.to === '') return null;
    // The app's clock (pinned in tests and demos) says what "today" is for overdue refunds and debtors.
    const service = { ...(filter.serviceId === '' ? {} : { serviceId: filter.serviceId }), now: clock.now().toISOString() };
    try {
      const range = { from: filter.from, to: filter.to, ...service };
      const report: Report =
        kind === 'compensation'
          ? await store.compensationReport(range)
          : kind === 'refunds'
            ? await store.refundsReport(range)
            : kind === 'revenue'
              ? await store.revenueReport(range)
              : kind === 'availability'
                ? await store.availabilityReport({ year: Number(filter.year), ...service })
                : await store.debtorsReport(service);
      return { key, report };
    } catch (error) {
      return { key, error };
    }
  }, [store, clock, key, rangeInvalid]);
  const current = answer?.key === key ? answer : undefined;
  const report = current && 'report' in current ? current.report : undefined;
  const tables = useMemo(() => (report ? reportTables(report, t, language) : undefined), [report, t, language]);
  const outLanguage = exportLanguage === '' ? language : exportLanguage;

  const exportFile = useMutation({
    mutationFn: async (format: 'pdf' | 'csv' | 'xlsx') => {
      if (!report) throw new Error(t('empty'));
      const fixed = i18n.getFixedT(outLanguage);
      const suggestedName = reportFileName(report, outLanguage, format);
      if (format === 'pdf') return api.printToPdf({ payload: { kind: 'report', report, language: outLanguage }, suggestedName });
      const out = reportTables(report, fixed, outLanguage);
      if (format === 'csv') return api.saveFile({ suggestedName, mimeType: CSV_MIME, data: reportCsv(out) });
      return api.saveFile({ suggestedName, mimeType: XLSX_MIME, data: await reportXlsx(out) });
    },
  });
  const years = Array.from({ length: 6 }, (_, i) => String(Number(today.slice(0, 4)) - i));
  const browser = info.data?.shell === 'browser';

  return (
    <Stack gap="md">
      <Text maw={860}>{t(`describe.${kind}`)}</Text>
      <Group align="flex-start" gap="md" role="group" aria-label={t('filters.label')}>
        {kind === 'availability' ? (
          <NativeSelect label={t('filters.year')} value={filter.year} onChange={(e) => setFilter({ ...filter, year: e.currentTarget.value })} data={years} w={120} />
        ) : kind === 'debtors' ? null : (
          <>
            <TextInput type="date" label={t('filters.from')} value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.currentTarget.value })} error={rangeInvalid ? t('errors:reports.rangeInvalid') : null} w={170} />
            <TextInput type="date" label={t('filters.to')} value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.currentTarget.value })} error={rangeInvalid} w={170} />
          </>
        )}
        <NativeSelect
          label={t('filters.service')}
          value={filter.serviceId}
          onChange={(e) => setFilter({ ...filter, serviceId: e.currentTarget.value })}
          data={[{ value: '', label: t('filters.allServices') }, ...(services ?? []).map((service) => ({ value: service.id, label: service.name[language] }))]}
          w={280}
        />
      </Group>
      {current && 'error' in current && <ErrorAlert message={commandErrorText(t, current.error, language)} />}
      {!rangeInvalid && !current && (
        <Center p="lg">
          <Loader size="sm" aria-label={t('loading')} />
        </Center>
      )}
      {tables && report && (
        <>
          <Text fw={500}>{tables.subtitle}</Text>
          <Paper withBorder p="sm" component="section" aria-label={t('summary.label')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" component="dl" m={0}>
              {tables.summary.map(([label, value]) => (
                <div key={label}>
                  <Text component="dt" size="xs" c="dimmed">
                    {label}
                  </Text>
                  <Text component="dd" m={0} fw={500}>
                    {value}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Paper>
          <Group align="flex-end" gap="sm" role="group" aria-label={t('actions.label')}>
            <NativeSelect
              label={t('actions.language')}
              value={outLanguage}
              onChange={(e) => setExportLanguage(e.currentTarget.value as UiLanguage)}
              data={[
                { value: 'kk', label: t('documents:language.kk') },
                { value: 'ru', label: t('documents:language.ru') },
              ]}
              w={200}
            />
            <Button variant="default" loading={exportFile.isPending && exportFile.variables === 'pdf'} onClick={() => exportFile.mutate('pdf')}>
              {browser ? t('actions.pdfBrowser') : t('actions.pdf')}
            </Button>
            <Button variant="default" loading={exportFile.isPending && exportFile.variables === 'csv'} onClick={() => exportFile.mutate('csv')}>
              {t('actions.csv')}
            </Button>
            <Button variant="default" loading={exportFile.isPending && exportFile.variables === 'xlsx'} onClick={() => exportFile.mutate('xlsx')}>
              {t('actions.xlsx')}
            </Button>
          </Group>
          {exportFile.isError && (
            <Alert color="red" role="alert">
              {t('export.failed', { message: exportFile.error instanceof Error ? exportFile.error.message : String(exportFile.error) })}
            </Alert>
          )}
          {exportFile.isSuccess && (
            <Text role="status" size="sm">
              {exportFile.data.saved ? (exportFile.data.path ? t('export.saved', { path: exportFile.data.path }) : t('export.savedBrowser')) : t('export.cancelled')}
            </Text>
          )}
          {tables.sections.map((section) => (
            <ReportSectionTable key={section.key} section={section} label={`${tables.title}: ${section.title}`} empty={t('empty')} />
          ))}
        </>
      )}
    </Stack>
  );
}
