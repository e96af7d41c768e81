import { Button, Center, Checkbox, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/billing';
import { useStore } from '../../app/services';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDateShort, formatInteger } from '../../i18n/format';
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from '../../../core';
import { CancelSubscriptionModal } from './CancelSubscriptionModal';
import { ChangeTariffModal } from './ChangeTariffModal';
import { SubscriptionsTabs } from './SubscriptionsTabs';
import { SubscriptionsTable, type SubscriptionRow } from './SubscriptionsTable';
import type { SubscriptionTarget } from './subscriptionTarget';

/** At most this many clients of a search are looked up (each has a few subscriptions). */
const CLIENT_LIMIT = 500;
const MAX_DAYS = 366;

function targetOf(row: SubscriptionRow): SubscriptionTarget {
  return { subscription: row, accountName: row.accountName, serviceName: row.serviceName, tariffName: row.tariffName };
}

/** "N days" as typed: a whole number 0…366, or null (empty or not a number: no period filter). */
function parseDays(text: string): number | null | 'invalid' {
  const value = text.trim();
  if (value === '') return null;
  if (!/^\d{1,3}$/.test(value) || Number(value) > MAX_DAYS) return 'invalid';
  return Number(value);
}

export function SubscriptionsPage() {
  const { t } = useTranslation('subscriptions');
  const language = useUiLanguage();
  const store = useStore();
  const today = useBusinessToday();
  const [serviceId, setServiceId] = useState('');
  const [status, setStatus] = useState<SubscriptionStatus | ''>('');
  const [daysText, setDaysText] = useState('');
  const [scheduledOnly, setScheduledOnly] = useState(false);
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query.trim(), 150);
  const [changeTarget, setChangeTarget] = useState<SubscriptionTarget | null>(null);
  const [cancelTarget, setCancelTarget] = useState<SubscriptionTarget | null>(null);

  const days = parseDays(daysText);
  // "Ends within N days" reads the last paid day (end − 1), the day the Period column shows: today … today + N.
  const lastPaid = typeof days === 'number' ? { from: today, to: addDays(today, days) } : null;
  const periodEnd = lastPaid ? { from: addDays(lastPaid.from, 1), to: addDays(lastPaid.to, 1) } : null;

  const services = useLiveQuery(() => store.listServices(), [store]);
  const counts = useLiveQuery(() => store.subscriptionCounts(), [store]);
  const periodFrom = periodEnd?.from ?? '';
  const periodTo = periodEnd?.to ?? '';
  const result = useLiveQuery(async () => {
    let accountIds: string[] | undefined;
    let clientsCapped = false;
    if (debouncedQuery !== '') {
      const accounts = await store.searchAccounts(debouncedQuery, { limit: CLIENT_LIMIT });
      accountIds = accounts.map((account) => account.id);
      clientsCapped = accounts.length >= CLIENT_LIMIT;
    }
    const list = await store.listSubscriptions({
      ...(serviceId === '' ? {} : { serviceId }),
      ...(status === '' ? {} : { status }),
      ...(periodFrom === '' ? {} : { periodEnd: { from: periodFrom, to: periodTo } }),
      ...(scheduledOnly ? { scheduledChange: true } : {}),
      ...(accountIds === undefined ? {} : { accountIds }),
    });
    return { ...list, clientsCapped };
  }, [store, serviceId, status, periodFrom, periodTo, scheduledOnly, debouncedQuery]);

  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;
  const filtered = serviceId !== '' || status !== '' || daysText !== '' || scheduledOnly || query !== '';
  const reset = () => {
    setServiceId('');
    setStatus('');
    setDaysText('');
    setScheduledOnly(false);
    setQuery('');
  };

  return (
    <Stack gap="sm">
      <SubscriptionsTabs />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('title')}</Title>
          {total !== undefined && (
            <Text c="dimmed" size="sm" data-testid="subscriptions-total">
              {t('list.total', { count: total, formatted: formatInteger(total) })}
            </Text>
          )}
        </div>
      </Group>
      {counts && (
        <Group gap={6} role="group" aria-label={t('list.countsLabel')}>
          {SUBSCRIPTION_STATUSES.map((s) => {
            const label = t('list.statusCount', { status: t(`domain:subscriptionStatus.${s}`), formatted: formatInteger(counts[s] ?? 0) });
            return (
              <Button key={s} size="compact-sm" variant={status === s ? 'filled' : 'light'} color="gray" aria-pressed={status === s} onClick={() => setStatus(status === s ? '' : s)}>
                {label}
              </Button>
            );
          })}
        </Group>
      )}
      <Group gap="sm" align="flex-start" role="search" aria-label={t('list.filters')}>
        <TextInput
          type="search"
          label={t('list.search')}
          placeholder={t('list.searchHint')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={230}
        />
        <NativeSelect
          label={t('list.service')}
          value={serviceId}
          onChange={(event) => setServiceId(event.currentTarget.value)}
          data={[{ value: '', label: t('list.allServices') }, ...(services ?? []).map((s) => ({ value: s.id, label: s.name[language] }))]}
          w={230}
        />
        <NativeSelect
          label={t('list.status')}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as SubscriptionStatus | '')}
          data={[{ value: '', label: t('list.allStatuses') }, ...SUBSCRIPTION_STATUSES.map((s) => ({ value: s, label: t(`domain:subscriptionStatus.${s}`) }))]}
          w={200}
        />
        <TextInput
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_DAYS}
          label={t('list.endsWithin')}
          description={lastPaid ? t('list.endsRange', { from: formatDateShort(lastPaid.from), to: formatDateShort(lastPaid.to) }) : t('list.endsWithinHint')}
          error={days === 'invalid' ? t('list.endsWithinError', { max: MAX_DAYS }) : null}
          value={daysText}
          onChange={(event) => setDaysText(event.currentTarget.value)}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          w={330}
        />
      </Group>
      <Group gap="md" mih={28}>
        <Checkbox label={t('list.scheduledOnly')} checked={scheduledOnly} onChange={(event) => setScheduledOnly(event.currentTarget.checked)} />
        {filtered && (
          <Button variant="subtle" size="compact-sm" onClick={reset}>
            {t('list.reset')}
          </Button>
        )}
      </Group>
      {result === undefined || total === undefined ? (
        <Center p="xl">
          <Loader aria-label={t('common:loading')} />
        </Center>
      ) : total === 0 ? (
        <Text c="dimmed" py="lg">
          {t('list.empty')}
        </Text>
      ) : result.rows.length === 0 ? (
        <Text c="dimmed" py="lg">
          {t('list.noMatches')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="subscriptions-shown">
            {result.truncated
              ? t('list.shownFirst', { formatted: formatInteger(result.rows.length) })
              : t('list.shown', { count: result.rows.length, formatted: formatInteger(result.rows.length) })}
            {result.clientsCapped ? ` ${t('list.clientsCapped', { formatted: formatInteger(CLIENT_LIMIT) })}` : ''}
          </Text>
          <SubscriptionsTable rows={result.rows} onChangeTariff={(row) => setChangeTarget(targetOf(row))} onCancel={(row) => setCancelTarget(targetOf(row))} />
        </>
      )}
      <ChangeTariffModal target={changeTarget} onClose={() => setChangeTarget(null)} />
      <CancelSubscriptionModal target={cancelTarget} onClose={() => setCancelTarget(null)} />
    </Stack>
  );
}
