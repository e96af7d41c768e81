import { Alert, Button, Group, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useBusinessToday } from '../hooks/useBusinessToday';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { formatDateLong, formatInteger } from '../i18n/format';
import { useStore } from './services';
import { useCan } from './session';

export const RENEWALS_PATH = '/subscriptions/renewals';

/**
 * Offered at start-up, on every page but the renewals one: when active
 * subscriptions have periods that ended (on or before today) since the last
 * renewal run, a banner says how many and leads to the Renewals page. The
 * count is one walk of the `[status+currentPeriod.end]` index; it is live,
 * so the banner goes away once a run has dealt with them. Dismissed for the
 * rest of the session with its close button. Managers and admins only:
 * renewal runs are theirs (an operator's Renewals page says so).
 */
export function RenewalReminder() {
  const { t } = useTranslation('renewals');
  const store = useStore();
  const today = useBusinessToday();
  const language = useUiLanguage();
  const { pathname } = useLocation();
  const [dismissed, setDismissed] = useState(false);
  const canRenew = useCan('manager');
  const due = useLiveQuery(async () => (canRenew ? { count: await store.renewalsDue(today), lastRun: await store.lastRenewalRun() } : null), [store, today, canRenew]);
  if (dismissed || !due || due.count === 0 || pathname === RENEWALS_PATH) return null;
  const values = { count: due.count, formatted: formatInteger(due.count) };
  return (
    <Alert
      color="yellow"
      variant="light"
      mb="md"
      role="region"
      title={t('reminder.title')}
      withCloseButton
      closeButtonLabel={t('reminder.dismiss')}
      onClose={() => setDismissed(true)}
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">{due.lastRun ? t('reminder.text', { ...values, date: formatDateLong(due.lastRun.date, language) }) : t('reminder.textNever', values)}</Text>
        <Button component={Link} to={RENEWALS_PATH} size="xs" variant="filled" color="yellow.8">
          {t('reminder.open')}
        </Button>
      </Group>
    </Alert>
  );
}
