import { Anchor, Button, Group, NumberInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IDLE_LOCK_LIMITS, type SecuritySettings as Security } from '../../../shared/domain';
import { useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { STAFF_PATH } from './StaffPage';

/** Settings → Security (admin): the idle time after which the screen locks (updateSecuritySettings). */
export function SecuritySettings() {
  const { t } = useTranslation('staff');
  const store = useStore();
  const settings = useLiveQuery(() => store.getSecuritySettings(), [store]);
  return <SectionCard title={t('security.title')}>{settings && <IdleLockForm settings={settings} />}</SectionCard>;
}

type IdleValues = { idleLockMinutes: number | string };

function IdleLockForm({ settings }: { settings: Security }) {
  const { t } = useTranslation('staff');
  const language = useUiLanguage();
  const store = useStore();
  const form = useForm<IdleValues>({
    initialValues: { idleLockMinutes: settings.idleLockMinutes },
    validate: {
      idleLockMinutes: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= IDLE_LOCK_LIMITS.min && value <= IDLE_LOCK_LIMITS.max
          ? null
          : t('errors:staff.idleLockRange', { min: IDLE_LOCK_LIMITS.min, max: IDLE_LOCK_LIMITS.max }),
    },
  });
  const mutation = useCommandMutation((values: IdleValues, opId) => store.updateSecuritySettings({ idleLockMinutes: Number(values.idleLockMinutes), opId }));
  return (
    <form noValidate onSubmit={form.onSubmit(mutation.submit)}>
      <ErrorAlert message={mutation.isError ? commandErrorText(t, mutation.error, language) : null} />
      <Group align="flex-start">
        <NumberInput
          label={t('security.idle')}
          description={t('security.idleHint', { min: IDLE_LOCK_LIMITS.min, max: IDLE_LOCK_LIMITS.max })}
          min={IDLE_LOCK_LIMITS.min}
          max={IDLE_LOCK_LIMITS.max}
          allowDecimal={false}
          allowNegative={false}
          maw={480}
          {...form.getInputProps('idleLockMinutes')}
        />
        <Button type="submit" mt={46} loading={mutation.isPending} disabled={mutation.isPending}>
          {t('security.save')}
        </Button>
      </Group>
      {mutation.isSuccess && (
        <Text size="sm" c="teal.8" role="status" mt="xs">
          {t('security.saved', { minutes: mutation.data.idleLockMinutes })}
        </Text>
      )}
    </form>
  );
}

/** Settings → Staff (admin): what the staff screen is for, and the way there. */
export function StaffSettingsCard() {
  const { t } = useTranslation('staff');
  return (
    <SectionCard title={t('title')}>
      <Text size="sm" c="dimmed">
        {t('card.text')}
      </Text>
      <Anchor component={Link} to={STAFF_PATH}>
        {t('card.open')}
      </Anchor>
    </SectionCard>
  );
}
