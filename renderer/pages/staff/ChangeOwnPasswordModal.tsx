import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../auth/PasswordField';
import { isCommandError } from '../../../core';
import { useStore } from '../../app/services';
import { ModalCommandForm } from '../../components/ModalCommandForm';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText, validationText } from '../../i18n/commandErrors';
import { NewPasswordFields, validateWithPassword } from './staffForms';

type ChangeValues = { currentPassword: string; password: string; passwordAgain: string };

/** Everyone's own password (changeOwnPassword): the current one, then the new one twice. */
export function ChangeOwnPasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('auth');
  return (
    <Modal opened={opened} onClose={onClose} title={t('changePassword.title')} size="md">
      {opened && <ChangeOwnPasswordForm onDone={onClose} />}
    </Modal>
  );
}

function ChangeOwnPasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('auth');
  const language = useUiLanguage();
  const store = useStore();
  const validateNew = validateWithPassword<ChangeValues>(null);
  const form = useForm<ChangeValues>({
    initialValues: { currentPassword: '', password: '', passwordAgain: '' },
    validate: (values) => ({ ...validateNew(values), ...(values.currentPassword === '' ? { currentPassword: 'auth:password.required' } : {}) }),
  });
  const mutation = useCommandMutation(
    (values: ChangeValues, opId) => store.changeOwnPassword({ currentPassword: values.currentPassword, newPassword: values.password, opId }),
    {
      onError: (error) => {
        if (isCommandError(error) && error.field === 'currentPassword') form.setFieldValue('currentPassword', '');
      },
    },
  );
  if (mutation.isSuccess) {
    return (
      <Stack>
        <Text role="status" c="teal.8">
          {t('changePassword.done')}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onDone}>{t('common:actions.close')}</Button>
        </Group>
      </Stack>
    );
  }
  const current = form.getInputProps('currentPassword');
  return (
    <ModalCommandForm onSubmit={form.onSubmit(mutation.submit)} mutation={mutation} submitLabel={t('changePassword.submit')} onCancel={onDone}>
      <PasswordField
        label={t('changePassword.current')}
        autoComplete="current-password"
        withAsterisk
        data-autofocus
        {...current}
        error={validationText(t, current.error) ?? (mutation.isError && isCommandError(mutation.error) && mutation.error.field === 'currentPassword' ? commandErrorText(t, mutation.error, language) : undefined)}
      />
      <NewPasswordFields form={form} labels={{ password: t('changePassword.new'), again: t('changePassword.again') }} />
    </ModalCommandForm>
  );
}
