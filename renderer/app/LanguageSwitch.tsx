import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { isUiLanguage } from '../i18n/language';
import { useSetLanguage } from './language';

export function LanguageSwitch() {
  const { t } = useTranslation('common');
  const language = useUiLanguage();
  const setLanguage = useSetLanguage();
  return (
    <SegmentedControl
      aria-label={t('language.switch')}
      size="xs"
      value={language}
      onChange={(value) => {
        if (isUiLanguage(value)) setLanguage(value);
      }}
      data={[
        { value: 'kk', label: t('language.kk') },
        { value: 'ru', label: t('language.ru') },
      ]}
    />
  );
}
