import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import type { Balances } from '../../../core';

function Balance({ label, amount, testId }: { label: string; amount: number; testId: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600} c={amount < 0 ? 'red.7' : undefined} data-testid={testId}>
        {formatMoney(amount)}
      </Text>
    </Stack>
  );
}

export function BalancesCard({ balances }: { balances: Balances }) {
  const { t } = useTranslation('ledger');
  return (
    <Card withBorder padding="md" component="section" aria-label={t('balances.title')}>
      <Group gap={48}>
        <Balance label={t('balances.money')} amount={balances.money} testId="balance-money" />
        <Balance label={t('balances.bonus')} amount={balances.bonus} testId="balance-bonus" />
      </Group>
    </Card>
  );
}
