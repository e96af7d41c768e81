import { Alert, Center, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/services';
import { ModalCommandForm } from '../../components/ModalCommandForm';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDateLong, formatMoney } from '../../i18n/format';
import type { Account } from '../../../core';
import { QuoteTable } from '../subscriptions/QuoteTable';

export function CloseAccountModal({ account, opened, onClose }: { account: Account; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  return (
    <Modal opened={opened} onClose={onClose} title={t('close.title')} size="lg">
      {opened && <CloseAccountForm account={account} onDone={onClose} />}
    </Modal>
  );
}

/**
 * What closing does, before it is done (planClose): the blockers (active or
 * suspended subscriptions, undecided refunds) and the payout that brings
 * each bucket to zero; Submit only when nothing blocks.
 */
function CloseAccountForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useTranslation('accounts');
  const language = useUiLanguage();
  const store = useStore();
  const today = useBusinessToday();
  const plan = useLiveQuery(() => store.planClose(account.id), [store, account.id]);
  const mutation = useCommandMutation((_: void, opId) => store.closeAccount({ accountId: account.id, date: today, opId }), { onSuccess: onDone });
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    mutation.submit();
  };
  const blocked = plan !== undefined && (plan.blockers.activeSubscriptions > 0 || plan.blockers.pendingRefunds > 0);
  const debt = plan !== undefined && (plan.payout.money < 0 || plan.payout.bonus < 0);

  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={t('close.submit')} canSubmit={plan !== undefined && !blocked && account.status !== 'closed'} onCancel={onDone}>
      <Text size="sm" c="dimmed">
        {account.name}
      </Text>
      {plan === undefined ? (
        <Center p="sm">
          <Loader size="sm" aria-label={t('common:loading')} />
        </Center>
      ) : (
        <Stack gap="xs">
          {blocked && (
            <Alert role="note" color="orange" variant="light" title={t('close.blockersTitle')}>
              <List size="sm">
                {plan.blockers.activeSubscriptions > 0 && <List.Item>{t('close.activeSubscriptions', { count: plan.blockers.activeSubscriptions })}</List.Item>}
                {plan.blockers.pendingRefunds > 0 && <List.Item>{t('close.pendingRefunds', { count: plan.blockers.pendingRefunds })}</List.Item>}
              </List>
            </Alert>
          )}
          <Text size="sm" fw={600}>
            {t('close.payoutTitle')}
          </Text>
          <QuoteTable
            label={t('close.payoutTitle')}
            lines={[
              { key: 'money', label: t('close.payoutMoney'), value: formatMoney(plan.payout.money), strong: true },
              { key: 'bonus', label: t('close.payoutBonus'), value: formatMoney(plan.payout.bonus), strong: true },
              { key: 'date', label: t('close.date'), value: formatDateLong(today, language) },
            ]}
          />
          <Alert role="note" color="gray" variant="light" p="xs">
            {t('close.payoutNote')}
          </Alert>
          {debt && (
            <Alert role="note" color="yellow" variant="light" p="xs">
              {t('close.debtNote')}
            </Alert>
          )}
        </Stack>
      )}
    </ModalCommandForm>
  );
}
