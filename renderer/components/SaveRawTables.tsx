import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DATABASE_NAME, describeError, exportRawDatabase, rawExportFileName } from '../../core';
import { useAppApi } from '../app/services';
import { ErrorAlert } from './ErrorAlert';

/**
 * "Save the tables to a file": every object store of the app's database with
 * all its rows, read with the raw IndexedDB API (core/rawExport.ts), so it
 * works even when the app's schema cannot open the database. Electron shows
 * a save dialog; browser mode downloads. `children` are further buttons on
 * the same row (the start screen's "try again").
 */
export function SaveRawTables({ variant = 'filled', children }: { variant?: 'filled' | 'default'; children?: ReactNode }) {
  const { t } = useTranslation('common');
  const api = useAppApi();
  const save = useMutation({
    mutationFn: async () => {
      // main.tsx opens the store on DEFAULT_DATABASE_NAME; this reads the same database.
      const data = await exportRawDatabase(DEFAULT_DATABASE_NAME);
      return api.saveFile({ suggestedName: rawExportFileName(DEFAULT_DATABASE_NAME), mimeType: 'application/json', data });
    },
    onError: (error) => console.warn('Saving the raw tables failed', error),
  });
  return (
    <Stack gap="xs">
      <Group>
        <Button variant={variant} onClick={() => save.mutate()} loading={save.isPending}>
          {t('rawExport.save')}
        </Button>
        {children}
      </Group>
      {save.isSuccess && save.data.saved && (
        <Text size="sm" c="teal.8" role="status">
          {save.data.path ? t('rawExport.savedTo', { path: save.data.path }) : t('rawExport.saved')}
        </Text>
      )}
      {save.isError && (
        <>
          <ErrorAlert message={t('rawExport.failed')} />
          <Text size="xs" c="dimmed">
            {t('technicalDetails', { details: describeError(save.error) })}
          </Text>
        </>
      )}
    </Stack>
  );
}
