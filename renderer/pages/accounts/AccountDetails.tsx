import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../core';
import { StatusBadge } from '../../components/StatusBadge';
import { formatPhone } from './phone';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" size="sm">
        {children || '—'}
      </Text>
    </Stack>
  );
}

export function AccountDetails({ account }: { account: Account }) {
  const { t } = useTranslation('accounts');
  return (
    <Card withBorder padding="md" component="section" aria-label={t('page.details')}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="md">
        <Fact label={t('fields.kind')}>{t(`domain:accountKind.${account.kind}`)}</Fact>
        <Fact label={t('fields.iinBin')}>
          <Text span ff="monospace" size="sm">
            {account.iinBin}
          </Text>
        </Fact>
        <Fact label={t('fields.status')}>
          <StatusBadge status={account.status} label={t(`domain:accountStatus.${account.status}`)} />
        </Fact>
        <Fact label={t('fields.language')}>{t(`common:language.${account.language}`)}</Fact>
        <Fact label={t('fields.responsiblePerson')}>{account.responsiblePerson}</Fact>
        <Fact label={t('fields.phone')}>{account.phone ? formatPhone(account.phone) : ''}</Fact>
        <Fact label={t('fields.email')}>{account.email}</Fact>
      </SimpleGrid>
    </Card>
  );
}
