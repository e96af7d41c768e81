import { Modal, Text, Textarea, type MantineSize } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCommandMutation } from '../hooks/useCommandMutation';
import { ModalCommandForm } from './ModalCommandForm';

/** The dialog's texts, in the caller's namespace. */
export interface RejectTexts {
  title: string;
  submit: string;
  reason: string;
  /** Below the reason's label; none when omitted. */
  reasonHint?: string;
  /** Shown on the field when it is submitted blank. */
  reasonRequired: string;
}

interface RejectWithReasonModalProps<T> {
  /** What is rejected; the dialog is open while it is set. */
  subject: T | null;
  onClose: () => void;
  texts: RejectTexts;
  /** The sentence above the field: what is rejected (client, amount…). */
  describe: (subject: T) => string;
  describeSize?: MantineSize;
  /** How far the reason's field grows before it scrolls (unlimited when omitted). */
  reasonMaxRows?: number;
  /** The store command that records the rejection. */
  reject: (subject: T, reason: string, opId: string) => Promise<unknown>;
}

/**
 * A dialog that rejects one request (a refund, a compensation) with a
 * written reason. A blank reason is caught here; the store's other refusals
 * of it (too long, invisible characters) show above the field.
 */
export function RejectWithReasonModal<T>({ subject, onClose, texts, ...form }: RejectWithReasonModalProps<T>) {
  return (
    <Modal opened={subject !== null} onClose={onClose} title={texts.title} size="md">
      {subject !== null && <RejectForm subject={subject} texts={texts} onDone={onClose} {...form} />}
    </Modal>
  );
}

type RejectFormProps<T> = Omit<RejectWithReasonModalProps<T>, 'subject' | 'onClose'> & { subject: T; onDone: () => void };

function RejectForm<T>({ subject, texts, describe, describeSize, reasonMaxRows, reject, onDone }: RejectFormProps<T>) {
  const [reason, setReason] = useState('');
  const [blank, setBlank] = useState(false);
  const mutation = useCommandMutation((_: void, opId) => reject(subject, reason, opId), { onSuccess: onDone });
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (reason.trim() === '') {
      setBlank(true);
      return;
    }
    mutation.submit();
  };
  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={texts.submit} onCancel={onDone}>
      <Text size={describeSize}>{describe(subject)}</Text>
      <Textarea
        label={texts.reason}
        description={texts.reasonHint}
        withAsterisk
        autosize
        minRows={3}
        maxRows={reasonMaxRows}
        data-autofocus
        value={reason}
        error={blank ? texts.reasonRequired : undefined}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          setBlank(false);
        }}
      />
    </ModalCommandForm>
  );
}
