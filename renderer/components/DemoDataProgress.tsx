import { Alert, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDemoDataJob } from '../app/demoDataJob';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { commandErrorText } from '../i18n/commandErrors';
import { formatInteger } from '../i18n/format';

/** The running demo-data job, or why the last one failed, wherever it was started; nothing when idle. */
export function DemoDataProgress() {
  const { t } = useTranslation('settings');
  const language = useUiLanguage();
  const { running, progress, error, dismissError } = useDemoDataJob();
  if (!running && error) {
    return (
      <Alert color="red" variant="light" role="alert" mb="md" title={t('demo.failed')} withCloseButton closeButtonLabel={t('common:actions.close')} onClose={dismissError}>
        {commandErrorText(t, error, language)}
      </Alert>
    );
  }
  if (!running) return null;
  // Before the first report the size of the job is unknown: an indeterminate (full, animated) bar.
  const known = progress !== null && progress.total > 0;
  const percent = known ? Math.min(100, Math.floor((progress.done * 100) / progress.total)) : 0;
  return (
    <Paper withBorder p="sm" mb="md" role="group" aria-label={t('demo.progressLabel')}>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {known ? t('demo.progress', { percent }) : t('demo.starting')}
        </Text>
        <Progress value={known ? percent : 100} striped={!known} animated aria-label={t('demo.progressLabel')} />
        {known && (
          <Text size="xs" c="dimmed">
            {t('demo.progressCount', { done: formatInteger(progress.done), total: formatInteger(progress.total) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
