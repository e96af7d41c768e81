import { Modal, NativeSelect, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/services';
import { ModalCommandForm } from '../../components/ModalCommandForm';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { parseMoneyInput } from '../../i18n/parseMoney';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../core';

interface PaymentFormValues {
  amount: string;
  date: string;
  method: PaymentMethod;
  reference: string;
}

export function RecordPaymentModal({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('ledger');
  return (
    <Modal opened={opened} onClose={onClose} title={t('payment.title')} size="md">
      {/* Mounted only while open: each opening starts with a clean form and a new operation. */}
      {opened && <RecordPaymentForm accountId={accountId} onDone={onClose} />}
    </Modal>
  );
}

function RecordPaymentForm({ accountId, onDone }: { accountId: string; onDone: () => void }) {
  const { t } = useTranslation('ledger');
  const store = useStore();
  const today = useBusinessToday();
  const form = useForm<PaymentFormValues>({
    initialValues: { amount: '', date: today, method: 'bank_transfer', reference: '' },
    validate: {
      amount: (value) => {
        const parsed = parseMoneyInput(value);
        if (!parsed.ok) return t(`payment.amountError.${parsed.error}`);
        return parsed.tiyn > 0 ? null : t('payment.amountError.notPositive');
      },
      date: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('payment.dateRequired')),
    },
  });
  const mutation = useCommandMutation(
    (values: PaymentFormValues, opId) => {
      const parsed = parseMoneyInput(values.amount);
      if (!parsed.ok) throw new Error('validated before submit');
      const reference = values.reference.trim();
      return store.recordPayment({
        accountId,
        amount: parsed.tiyn,
        date: values.date,
        method: values.method,
        ...(reference === '' ? {} : { reference }),
        opId,
      });
    },
    { onSuccess: onDone },
  );

  return (
    <ModalCommandForm onSubmit={form.onSubmit(mutation.submit)} mutation={mutation} submitLabel={t('payment.submit')} onCancel={onDone}>
      <TextInput label={t('payment.amount')} description={t('payment.amountHint')} inputMode="decimal" data-autofocus withAsterisk {...form.getInputProps('amount')} />
      <TextInput label={t('payment.date')} type="date" max={today} withAsterisk {...form.getInputProps('date')} />
      <NativeSelect
        label={t('payment.method')}
        data={PAYMENT_METHODS.map((method) => ({ value: method, label: t(`domain:paymentMethod.${method}`) }))}
        {...form.getInputProps('method')}
      />
      <TextInput label={t('payment.reference')} {...form.getInputProps('reference')} />
    </ModalCommandForm>
  );
}
