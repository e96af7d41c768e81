import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DEMO_SIZE } from '../../shared/api';
import { useDemoDataJob } from '../app/demoDataJob';
import { formatInteger } from '../i18n/format';

export function LoadDemoDataButton({ size = DEFAULT_DEMO_SIZE }: { size?: number }) {
  const { t } = useTranslation('settings');
  const { start, running } = useDemoDataJob();
  return (
    <Button variant="light" loading={running} onClick={() => start(size)}>
      {t('demo.loadCount', { count: size, formatted: formatInteger(size) })}
    </Button>
  );
}
