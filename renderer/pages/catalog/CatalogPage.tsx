import { Badge, Card, Center, Grid, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/services';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatMoney } from '../../i18n/format';
import { tariffPriceOn, type ResourceLimits, type Service, type Tariff } from '../../../core';
import { ServicePolicyFacts } from './ServicePolicyFacts';

const LIMIT_KEYS: (keyof ResourceLimits)[] = ['cpu', 'ramGb', 'diskGb', 'users', 'databases', 'sites', 'documentsPerMonth', 'organisations'];

function ServiceCard({ service, tariffs }: { service: Service; tariffs: Tariff[] }) {
  const { t } = useTranslation('catalog');
  const language = useUiLanguage();
  const today = useBusinessToday();
  const limitsText = (limits: ResourceLimits) =>
    LIMIT_KEYS.flatMap((key) => (limits[key] === undefined ? [] : [t(`limits.${key}`, { count: limits[key] })])).join(', ');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`service-${service.id}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={`service-${service.id}`}>
            {service.name[language]}
          </Title>
          {!service.active && <Badge color="gray">{t('inactive')}</Badge>}
        </Group>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <ServicePolicyFacts service={service} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
          <Table verticalSpacing={4} aria-label={t('tariffsOf', { service: service.name[language] })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.tariff')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('columns.price')}</Table.Th>
                <Table.Th>{t('columns.limits')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tariffs.map((tariff) => {
                const price = tariffPriceOn(tariff, today);
                return (
                  <Table.Tr key={tariff.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{tariff.name[language]}</Table.Td>
                    <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                      {price === undefined ? '—' : t(`perPeriod.${tariff.billingMonths}`, { price: formatMoney(price) })}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {limitsText(tariff.limits)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          </Grid.Col>
        </Grid>
      </Stack>
    </Card>
  );
}

export function CatalogPage() {
  const { t } = useTranslation('catalog');
  const store = useStore();
  const catalog = useLiveQuery(async () => ({ services: await store.listServices(), tariffs: await store.listTariffs() }), [store]);
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Text c="dimmed" size="sm">
        {t('intro')}
      </Text>
      {catalog === undefined ? (
        <Center p="xl">
          <Loader aria-label={t('common:loading')} />
        </Center>
      ) : (
        catalog.services.map((service) => (
          <ServiceCard key={service.id} service={service} tariffs={catalog.tariffs.filter((tariff) => tariff.serviceId === service.id)} />
        ))
      )}
    </Stack>
  );
}
