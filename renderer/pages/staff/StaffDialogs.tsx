import { Modal, NativeSelect, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffMember, type StaffRole } from '../../../shared/domain';
import { isCommandError } from '../../../core';
import { useStore } from '../../app/services';
import { useSessionHolder } from '../../app/session';
import { ConfirmCommandForm, ModalCommandForm } from '../../components/ModalCommandForm';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { LoginNameFields, NewPasswordFields, newStaffSchema, validateWithPassword } from './staffForms';

/** Which dialog of the staff screen is open, and for whom. */
export type StaffDialog = { kind: 'add' } | { kind: 'role' | 'active' | 'password'; member: StaffMember } | null;

export function StaffDialogs({ dialog, onClose }: { dialog: StaffDialog; onClose: () => void }) {
  const { t } = useTranslation('staff');
  const member = dialog && dialog.kind !== 'add' ? dialog.member : null;
  const title =
    dialog === null
      ? ''
      : dialog.kind === 'add'
        ? t('add.title')
        : dialog.kind === 'role'
          ? t('role.title')
          : dialog.kind === 'password'
            ? t('reset.title')
            : dialog.member.active
              ? t('deactivate.title')
              : t('activate.title');
  return (
    <Modal opened={dialog !== null} onClose={onClose} title={title} size="md">
      {/* Mounted only while open: each opening starts with a clean form and a new operation. */}
      {dialog?.kind === 'add' && <AddStaffForm onDone={onClose} />}
      {dialog?.kind === 'role' && member && <ChangeRoleForm member={member} onDone={onClose} />}
      {dialog?.kind === 'password' && member && <ResetPasswordForm member={member} onDone={onClose} />}
      {dialog?.kind === 'active' && member && <SetActiveForm member={member} onDone={onClose} />}
    </Modal>
  );
}

type AddValues = { login: string; name: string; role: StaffRole; password: string; passwordAgain: string };
const ADD_FIELDS: readonly string[] = ['login', 'name', 'role', 'password'];

function AddStaffForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('staff');
  const language = useUiLanguage();
  const store = useStore();
  const form = useForm<AddValues>({
    initialValues: { login: '', name: '', role: 'operator', password: '', passwordAgain: '' },
    validate: validateWithPassword<AddValues>(newStaffSchema),
  });
  const mutation = useCommandMutation(
    (values: AddValues, opId) => store.createStaffUser({ login: values.login, name: values.name, role: values.role, password: values.password, opId }),
    {
      onSuccess: onDone,
      onError: (error) => {
        if (isCommandError(error) && error.field && ADD_FIELDS.includes(error.field)) form.setFieldError(error.field, commandErrorText(t, error, language));
      },
    },
  );
  return (
    <ModalCommandForm onSubmit={form.onSubmit(mutation.submit)} mutation={mutation} submitLabel={t('add.submit')} onCancel={onDone}>
      <LoginNameFields form={form} />
      <NativeSelect label={t('add.role')} data={STAFF_ROLES.map((role) => ({ value: role, label: t(`domain:staffRole.${role}`) }))} {...form.getInputProps('role')} />
      <NewPasswordFields form={form} />
    </ModalCommandForm>
  );
}

function ChangeRoleForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const { t } = useTranslation('staff');
  const store = useStore();
  const session = useSessionHolder();
  const form = useForm<{ role: StaffRole }>({ initialValues: { role: member.role } });
  const mutation = useCommandMutation((values: { role: StaffRole }, opId) => store.changeStaffRole({ staffId: member.id, role: values.role, opId }), {
    onSuccess: (changed) => {
      // One's own role changed: the screens follow at once.
      session.refresh(changed);
      onDone();
    },
  });
  return (
    <ModalCommandForm onSubmit={form.onSubmit(mutation.submit)} mutation={mutation} submitLabel={t('role.submit')} onCancel={onDone}>
      <Text>{t('role.text', { name: member.name, login: member.login, role: t(`domain:staffRole.${member.role}`) })}</Text>
      <NativeSelect
        label={t('role.label')}
        data-autofocus
        data={STAFF_ROLES.map((role) => ({ value: role, label: t(`domain:staffRole.${role}`) }))}
        {...form.getInputProps('role')}
      />
    </ModalCommandForm>
  );
}

type ResetValues = { password: string; passwordAgain: string };

function ResetPasswordForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const { t } = useTranslation('staff');
  const store = useStore();
  const form = useForm<ResetValues>({ initialValues: { password: '', passwordAgain: '' }, validate: validateWithPassword<ResetValues>(null) });
  const mutation = useCommandMutation((values: ResetValues, opId) => store.resetStaffPassword({ staffId: member.id, password: values.password, opId }), { onSuccess: onDone });
  return (
    <ModalCommandForm onSubmit={form.onSubmit(mutation.submit)} mutation={mutation} submitLabel={t('reset.submit')} onCancel={onDone}>
      <Text>{t('reset.text', { name: member.name, login: member.login })}</Text>
      <NewPasswordFields form={form} />
    </ModalCommandForm>
  );
}

function SetActiveForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const { t } = useTranslation('staff');
  const store = useStore();
  const key = member.active ? 'deactivate' : 'activate';
  return (
    <ConfirmCommandForm command={(opId) => store.setStaffActive({ staffId: member.id, active: !member.active, opId })} submitLabel={t(`${key}.submit`)} onDone={onDone}>
      <Text>{t(`${key}.text`, { name: member.name, login: member.login })}</Text>
    </ConfirmCommandForm>
  );
}
