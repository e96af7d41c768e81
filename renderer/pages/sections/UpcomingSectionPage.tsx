import { Alert, Stack, Title, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Section } from '../../../shared/api';

type UpcomingSection = Extract<Section, 'reports'>;

/** A section that is planned but not built yet: says what it will hold, shows no made-up data. */
export function UpcomingSectionPage({ section }: { section: UpcomingSection }) {
  const { t } = useTranslation('common');
  return (
    <Stack maw={760}>
      <Title order={2}>{t(`nav.${section}`)}</Title>
      <Text>{t(`upcoming.${section}`)}</Text>
      <Alert variant="light" color="gray" title={t('upcoming.notReadyTitle')}>
        {t('upcoming.notReadyText')}
      </Alert>
    </Stack>
  );
}
