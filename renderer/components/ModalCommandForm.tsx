import { Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommandMutation } from '../hooks/useCommandMutation';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { commandErrorText } from '../i18n/commandErrors';
import { ErrorAlert } from './ErrorAlert';

interface ModalCommandFormProps {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** The command's mutation: its pending state and refusal. */
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  submitLabel: string;
  /** False while the quote a dialog shows is missing or stale: nothing is posted that was not shown (default true). */
  canSubmit?: boolean;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * The frame of a dialog that runs one store command: the refusal above the
 * fields, Cancel and Submit below, both disabled while the command runs.
 * Commands quoted first (tariff change, cancellation, closing an account)
 * hold Submit with `canSubmit` until the quote for the current inputs is shown.
 */
export function ModalCommandForm({ onSubmit, mutation, submitLabel, canSubmit = true, onCancel, children }: ModalCommandFormProps) {
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

interface ConfirmCommandFormProps {
  /** The store command, run as it is when the dialog is submitted. */
  command: (opId: string) => Promise<unknown>;
  submitLabel: string;
  /** After the command succeeds, and on Cancel. */
  onDone: () => void;
  /** What the command will do. */
  children: ReactNode;
}

/** A dialog with nothing to fill in: it says what the command will do, and Submit runs it (approving a refund, a compensation). */
export function ConfirmCommandForm({ command, submitLabel, onDone, children }: ConfirmCommandFormProps) {
  const mutation = useCommandMutation((_: void, opId) => command(opId), { onSuccess: onDone });
  return (
    <ModalCommandForm
      onSubmit={(event) => {
        event?.preventDefault();
        mutation.submit();
      }}
      mutation={mutation}
      submitLabel={submitLabel}
      onCancel={onDone}
    >
      {children}
    </ModalCommandForm>
  );
}
