import { Alert, Button, Card, Group, NativeSelect, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DEMO_SIZE, MAX_DEMO_SIZE } from '../../../shared/api';
import { useDemoDataJob } from '../../app/demoDataJob';
import { persistenceNotice, useStoragePersistence } from '../../app/persistentStorage';
import { SaveRawTables } from '../../components/SaveRawTables';
import { useSetLanguage } from '../../app/language';
import { useStore } from '../../app/services';
import { useCan } from '../../app/session';
import { BackupSettings } from './BackupSettings';
import { CalendarSettings } from './CalendarSettings';
import { RequisitesSettings } from './RequisitesSettings';
import { SecuritySettings, StaffSettingsCard } from '../staff/SecuritySettings';
import { useAppInfo } from '../../hooks/useAppInfo';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatInteger } from '../../i18n/format';
import { isUiLanguage } from '../../i18n/language';

/** One titled card of the Settings page, labelled by its heading for screen readers. */
function SettingsSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function LanguageSettings() {
  const { t } = useTranslation('settings');
  const language = useUiLanguage();
  const setLanguage = useSetLanguage();
  return (
    <SettingsSection id="settings-language" title={t('language.title')}>
      <NativeSelect
        label={t('language.label')}
        description={t('language.hint')}
        maw={320}
        value={language}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isUiLanguage(value)) setLanguage(value);
        }}
        data={[
          { value: 'kk', label: t('common:language.kk') },
          { value: 'ru', label: t('common:language.ru') },
        ]}
      />
    </SettingsSection>
  );
}

function DemoDataSettings() {
  const { t } = useTranslation('settings');
  const store = useStore();
  const { start, running, error, lastSize } = useDemoDataJob();
  const [size, setSize] = useState<number | string>(DEFAULT_DEMO_SIZE);
  // The generator fills an empty store only; say so before the user tries.
  const accountCount = useLiveQuery(() => store.countAccounts(), [store]);
  const storeEmpty = accountCount === 0;
  const valid = typeof size === 'number' && Number.isInteger(size) && size >= 1 && size <= MAX_DEMO_SIZE;
  return (
    <SettingsSection id="settings-demo" title={t('demo.title')}>
      <Text size="sm" c="dimmed">
        {t('demo.text')}
      </Text>
      <Group align="flex-start">
        <NumberInput
          label={t('demo.size')}
          min={1}
          max={MAX_DEMO_SIZE}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=" "
          value={size}
          onChange={setSize}
          error={valid ? undefined : t('demo.sizeInvalid', { max: formatInteger(MAX_DEMO_SIZE) })}
          disabled={!storeEmpty}
          w={240}
        />
        <Button mt={25} onClick={() => valid && start(size)} disabled={!valid || running || !storeEmpty} loading={running}>
          {t('demo.load')}
        </Button>
      </Group>
      {accountCount !== undefined && !storeEmpty && !running && (
        <Text size="sm" c="dimmed">
          {t('errors:demo.notEmpty')}
        </Text>
      )}
      {!running && !error && lastSize !== null && (
        <Text c="teal.8" size="sm" role="status">
          {t('demo.done', { count: lastSize, formatted: formatInteger(lastSize) })}
        </Text>
      )}
    </SettingsSection>
  );
}

/**
 * Whether the browser promised to keep the data (asked at start, see
 * StartupGate): a warning with what to do when it did not, one calm line
 * when it did; and a copy of every table to a file.
 */
function StorageSettings() {
  const { t } = useTranslation('settings');
  const persistence = useStoragePersistence();
  const info = useAppInfo();
  const notice = persistence.data && info.data ? persistenceNotice(persistence.data, info.data.shell) : null;
  return (
    <SettingsSection id="settings-storage" title={t('storage.title')}>
      {notice?.tone === 'calm' && (
        <Text size="sm" c="teal.8" data-testid="storage-persistence">
          {t(notice.text)}
        </Text>
      )}
      {notice?.tone === 'warning' && (
        <Alert color="orange" variant="light" title={t(notice.title)} data-testid="storage-persistence">
          <Stack gap="xs">
            <Text size="sm">{t(notice.text)}</Text>
            <Text size="sm">{t(notice.advice)}</Text>
          </Stack>
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('storage.copyHint')}
      </Text>
      <SaveRawTables variant="default" />
    </SettingsSection>
  );
}

function AboutSettings() {
  const { t } = useTranslation('settings');
  const info = useAppInfo();
  return (
    <SettingsSection id="settings-about" title={t('about.title')}>
      {info.data && (
        <Table variant="vertical" withTableBorder={false} maw={480}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>{t('about.name')}</Table.Th>
              <Table.Td>{info.data.name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('about.version')}</Table.Th>
              <Table.Td data-testid="app-version">{info.data.version}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('about.shell')}</Table.Th>
              <Table.Td>{t(`about.shells.${info.data.shell}`)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('about.platform')}</Table.Th>
              <Table.Td>{info.data.platform}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </SettingsSection>
  );
}

export function SettingsPage() {
  const { t } = useTranslation('settings');
  // Everyone keeps the language and the about card; the rest is the admin's (§6: settings).
  const isAdmin = useCan('admin');
  return (
    <Stack maw={860}>
      <Title order={2}>{t('title')}</Title>
      <LanguageSettings />
      {isAdmin && <RequisitesSettings />}
      {isAdmin && <SecuritySettings />}
      {isAdmin && <StaffSettingsCard />}
      {isAdmin && <CalendarSettings />}
      {isAdmin && <BackupSettings />}
      {isAdmin && <StorageSettings />}
      {isAdmin && <DemoDataSettings />}
      <AboutSettings />
    </Stack>
  );
}
