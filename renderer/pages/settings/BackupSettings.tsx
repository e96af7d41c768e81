import { Button, Checkbox, FileInput, Group, Modal, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DATABASE_NAME, backupFileName, BACKUP_EXTENSION, type RestoreResult, type Store } from '../../../core';
import { PASSWORD_LIMITS } from '../../../shared/domain';
import type { AppApi } from '../../../shared/api/app-api';
import { useAppApi, useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { useAppInfo } from '../../hooks/useAppInfo';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatInstant, formatInteger } from '../../i18n/format';

/** A job's progress as a share of 1, or null when none runs. */
type Share = number | null;

/** Writes the whole database to a backup file: a save dialog in Electron, a download in a browser. */
async function backUp(store: Store, api: AppApi, createdBy: string, onProgress: (share: number) => void): Promise<{ saved: boolean; path?: string }> {
  const blob = await store.exportBackup({ createdBy }, { onProgress: (done, total) => onProgress(total === 0 ? 1 : done / total) });
  const data = new Uint8Array(await blob.arrayBuffer());
  return api.saveFile({ suggestedName: backupFileName(DEFAULT_DATABASE_NAME, new Date()), mimeType: blob.type, data });
}

/**
 * Settings → Backups (admin; docs/backups.md): back up now, restore from a
 * file (after a confirmation that says everything is replaced, with a
 * backup of the current data first, on by default), and the backup
 * password that encrypts every file.
 */
export function BackupSettings() {
  const { t } = useTranslation('settings');
  const store = useStore();
  const settings = useLiveQuery(() => store.backupSettings(), [store]);
  return (
    <SectionCard title={t('backup.title')}>
      <Text size="sm" c="dimmed">
        {t('backup.text')}
      </Text>
      {settings && (
        <Text size="sm" data-testid="backup-encryption">
          {settings.encrypted && settings.setAt ? t('backup.encryptedSince', { date: formatInstant(settings.setAt) }) : t('backup.notEncrypted')}
        </Text>
      )}
      <BackUpNow />
      <RestoreFromFile />
      {settings && <BackupPassword encrypted={settings.encrypted} />}
    </SectionCard>
  );
}

function useCreatedBy(): string {
  const info = useAppInfo();
  return info.data ? `${info.data.name} ${info.data.version}` : '';
}

function BackUpNow() {
  const { t } = useTranslation('settings');
  const language = useUiLanguage();
  const store = useStore();
  const api = useAppApi();
  const createdBy = useCreatedBy();
  const [share, setShare] = useState<Share>(null);
  const save = useMutation({
    mutationFn: () => backUp(store, api, createdBy, setShare),
    onSettled: () => setShare(null),
  });
  return (
    <Stack gap="xs">
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('backup.now')}
        </Button>
      </Group>
      {share !== null && <Progress value={share * 100} aria-label={t('backup.progress')} animated />}
      {save.isSuccess && save.data.saved && (
        <Text size="sm" c="teal.8" role="status">
          {save.data.path ? t('backup.savedTo', { path: save.data.path }) : t('backup.saved')}
        </Text>
      )}
      <ErrorAlert message={save.isError ? commandErrorText(t, save.error, language) : null} />
    </Stack>
  );
}

interface RestoreValues {
  file: File | null;
  password: string;
  backUpFirst: boolean;
}

function RestoreFromFile() {
  const { t } = useTranslation('settings');
  const language = useUiLanguage();
  const store = useStore();
  const api = useAppApi();
  const queryClient = useQueryClient();
  const createdBy = useCreatedBy();
  const [confirming, setConfirming] = useState(false);
  const [share, setShare] = useState<Share>(null);
  const form = useForm<RestoreValues>({
    initialValues: { file: null, password: '', backUpFirst: true },
    validate: { file: (file) => (file ? null : t('errors:backup.fileRequired')) },
  });
  const restore = useCommandMutation<RestoreValues, RestoreResult | null>(
    async (values, opId) => {
      // One copy of what is about to be replaced, first (docs/backups.md "Restore").
      if (values.backUpFirst) {
        const saved = await backUp(store, api, createdBy, (s) => setShare(s / 2));
        if (!saved.saved) return null;
      }
      return store.restoreBackup(
        { backup: values.file!, opId, ...(values.password === '' ? {} : { password: values.password }) },
        { onProgress: (done, total) => setShare((values.backUpFirst ? 0.5 : 0) + (total === 0 ? 1 : done / total) * (values.backUpFirst ? 0.5 : 1)) },
      );
    },
    {
      onSuccess: async () => {
        setConfirming(false);
        setShare(null);
        // Every screen's data came from the replaced tables.
        await queryClient.invalidateQueries();
      },
      onError: () => {
        setConfirming(false);
        setShare(null);
      },
    },
  );
  return (
    <form noValidate onSubmit={form.onSubmit(() => setConfirming(true))}>
      <Stack gap="xs">
        <Group align="flex-end">
          <FileInput
            label={t('backup.file')}
            placeholder={t('backup.filePlaceholder')}
            accept={`.${BACKUP_EXTENSION}`}
            clearable
            w={360}
            {...form.getInputProps('file')}
          />
          <PasswordInput label={t('backup.filePassword')} description={t('backup.filePasswordHint')} w={280} autoComplete="off" {...form.getInputProps('password')} />
        </Group>
        <Group>
          <Button type="submit" variant="default" color="red">
            {t('backup.restore')}
          </Button>
        </Group>
        {share !== null && <Progress value={share * 100} aria-label={t('backup.restoreProgress')} animated />}
        {restore.isSuccess && restore.data && (
          <Text size="sm" c="teal.8" role="status">
            {t('backup.restored', { count: restore.data.rows, formatted: formatInteger(restore.data.rows) })}
          </Text>
        )}
        <ErrorAlert message={restore.isError ? commandErrorText(t, restore.error, language) : null} />
      </Stack>
      <Modal opened={confirming} onClose={() => !restore.isPending && setConfirming(false)} title={t('backup.confirmTitle')} centered>
        <Stack>
          <Text size="sm">{t('backup.confirmText', { file: form.values.file?.name ?? '' })}</Text>
          <Checkbox label={t('backup.backUpFirst')} {...form.getInputProps('backUpFirst', { type: 'checkbox' })} />
          {share !== null && <Progress value={share * 100} aria-label={t('backup.restoreProgress')} animated />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={restore.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="red" loading={restore.isPending} onClick={() => restore.submit(form.values)}>
              {t('backup.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}

interface PasswordValues {
  password: string;
  repeat: string;
}

function BackupPassword({ encrypted }: { encrypted: boolean }) {
  const { t } = useTranslation('settings');
  const language = useUiLanguage();
  const store = useStore();
  const form = useForm<PasswordValues>({
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (value) => ([...value].length < PASSWORD_LIMITS.min ? t('errors:staff.passwordTooShort', { min: PASSWORD_LIMITS.min }) : null),
      repeat: (value, values) => (value === values.password ? null : t('backup.passwordMismatch')),
    },
  });
  const set = useCommandMutation((values: PasswordValues, opId) => store.setBackupPassword({ password: values.password, opId }), { onSuccess: () => form.reset() });
  const remove = useCommandMutation((_: void, opId) => store.setBackupPassword({ password: null, opId }));
  const failure = set.isError ? set.error : remove.isError ? remove.error : null;
  return (
    <form noValidate onSubmit={form.onSubmit(set.submit)}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('backup.passwordText')}
        </Text>
        <Group align="flex-start">
          <PasswordInput label={t('backup.password')} w={260} autoComplete="new-password" {...form.getInputProps('password')} />
          <PasswordInput label={t('backup.passwordRepeat')} w={260} autoComplete="new-password" {...form.getInputProps('repeat')} />
          <Button type="submit" mt={25} loading={set.isPending}>
            {encrypted ? t('backup.passwordChange') : t('backup.passwordSet')}
          </Button>
          {encrypted && (
            <Button variant="subtle" color="red" mt={25} loading={remove.isPending} onClick={() => remove.submit()}>
              {t('backup.passwordRemove')}
            </Button>
          )}
        </Group>
        <ErrorAlert message={failure ? commandErrorText(t, failure, language) : null} />
      </Stack>
    </form>
  );
}
