import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDemoDataJob } from '../app/demoDataJob';
import { formatInteger } from '../i18n/format';

/** Shows the running demo-data job, wherever it was started; renders nothing when idle. */
export function DemoDataProgress() {
  const { t } = useTranslation('settings');
  const { running, progress } = useDemoDataJob();
  if (!running) return null;
  const total = Math.max(progress?.total ?? 1, 1);
  const done = Math.min(progress?.done ?? 0, total);
  const percent = Math.round((done * 100) / total);
  return (
    <Stack gap={4}>
      <Text size="sm">{t('demo.progress', { percent })}</Text>
      <Progress value={percent} aria-label={t('demo.progressLabel')} animated />
      <Text size="xs" c="dimmed">
        {t('demo.progressCount', { done: formatInteger(done), total: formatInteger(total) })}
      </Text>
    </Stack>
  );
}
