import { Modal, NativeSelect, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/services';
import { ModalCommandForm } from '../../components/ModalCommandForm';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatMoney } from '../../i18n/format';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { tariffPriceOn, type Service, type Tariff } from '../../../core';

interface SubscriptionFormValues {
  serviceId: string;
  tariffId: string;
  startDate: string;
  autoRenew: boolean;
}

export function CreateSubscriptionModal({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('subscriptions');
  const store = useStore();
  const catalog = useLiveQuery(async () => ({ services: await store.listServices(), tariffs: await store.listTariffs() }), [store]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('create.title')} size="lg">
      {opened && catalog && <CreateSubscriptionForm accountId={accountId} services={catalog.services} tariffs={catalog.tariffs} onDone={onClose} />}
    </Modal>
  );
}

interface FormProps {
  accountId: string;
  services: Service[];
  tariffs: Tariff[];
  onDone: () => void;
}

function CreateSubscriptionForm({ accountId, services, tariffs, onDone }: FormProps) {
  const { t } = useTranslation('subscriptions');
  const language = useUiLanguage();
  const store = useStore();
  const activeServices = services.filter((service) => service.active);
  const activeTariffs = tariffs.filter((tariff) => tariff.active);
  const tariffsOf = (serviceId: string) => activeTariffs.filter((tariff) => tariff.serviceId === serviceId);
  const firstService = activeServices[0];
  const today = useBusinessToday();

  const form = useForm<SubscriptionFormValues>({
    initialValues: {
      serviceId: firstService?.id ?? '',
      tariffId: firstService ? (tariffsOf(firstService.id)[0]?.id ?? '') : '',
      startDate: today,
      autoRenew: firstService?.policy.autoRenew ?? false,
    },
    validate: {
      serviceId: (value) => (value ? null : t('create.serviceRequired')),
      tariffId: (value) => (value ? null : t('create.tariffRequired')),
      startDate: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('create.startDateRequired')),
    },
  });

  const selectService = (serviceId: string) => {
    const service = activeServices.find((s) => s.id === serviceId);
    form.setValues({
      serviceId,
      tariffId: tariffsOf(serviceId)[0]?.id ?? '',
      // Each service has its own renewal default (Uchet.EDO is not renewed from the balance).
      autoRenew: service?.policy.autoRenew ?? false,
    });
  };

  const tariffLabel = (tariff: Tariff) => {
    const price = tariffPriceOn(tariff, form.values.startDate || today);
    const name = tariff.name[language];
    return price === undefined ? name : `${name} — ${t(`perPeriod.${tariff.billingMonths}`, { price: formatMoney(price) })}`;
  };

  const mutation = useCommandMutation(
    (values: SubscriptionFormValues, opId) =>
      store.createSubscription({
        accountId,
        tariffId: values.tariffId,
        startDate: values.startDate,
        autoRenew: values.autoRenew,
        opId,
      }),
    { onSuccess: onDone },
  );

  return (
    <ModalCommandForm onSubmit={form.onSubmit(mutation.submit)} mutation={mutation} submitLabel={t('create.submit')} onCancel={onDone}>
      <NativeSelect
        label={t('create.service')}
        data={activeServices.map((service) => ({ value: service.id, label: service.name[language] }))}
        {...form.getInputProps('serviceId')}
        onChange={(event) => selectService(event.currentTarget.value)}
      />
      <NativeSelect
        label={t('create.tariff')}
        data={tariffsOf(form.values.serviceId).map((tariff) => ({ value: tariff.id, label: tariffLabel(tariff) }))}
        {...form.getInputProps('tariffId')}
      />
      <TextInput label={t('create.startDate')} type="date" withAsterisk {...form.getInputProps('startDate')} />
      <Switch label={t('create.autoRenew')} {...form.getInputProps('autoRenew', { type: 'checkbox' })} />
    </ModalCommandForm>
  );
}
