import { Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { commandErrorText } from '../i18n/commandErrors';
import { ErrorAlert } from './ErrorAlert';

interface QuoteCommandFormProps {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** The command's mutation: its pending state and refusal. */
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  submitLabel: string;
  /** False while the quote the dialog shows is missing or stale: nothing is posted that was not shown. */
  canSubmit: boolean;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * ModalCommandForm for commands whose outcome is quoted first (tariff
 * change, cancellation, closing an account): the same frame, with Submit
 * held until the quote for the current inputs is on screen.
 */
export function QuoteCommandForm({ onSubmit, mutation, submitLabel, canSubmit, onCancel, children }: QuoteCommandFormProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <ErrorAlert message={mutation.isError ? commandErrorText(t, mutation.error, language) : null} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={mutation.isPending || !canSubmit}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
