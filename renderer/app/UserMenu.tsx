import { Button, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeOwnPasswordModal } from '../pages/staff/ChangeOwnPasswordModal';
import { useSessionHolder, type SignedInUser } from './session';

/**
 * The header's person: name and role (in the UI language), a menu to change
 * one's own password or lock the screen, and the sign-out button.
 */
export function UserMenu({ user }: { user: SignedInUser }) {
  const { t } = useTranslation('auth');
  const session = useSessionHolder();
  const [changing, setChanging] = useState(false);
  const role = t(`domain:staffRole.${user.role}`);
  return (
    <>
      <Menu position="bottom-end" withArrow>
        <Menu.Target>
          <UnstyledButton aria-label={t('user.label', { name: user.name, role })} data-testid="signed-in-user">
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={600} lh={1.2}>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {role}
              </Text>
            </Stack>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setChanging(true)}>{t('user.changePassword')}</Menu.Item>
          <Menu.Item onClick={() => session.lock()}>{t('user.lock')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button variant="default" size="xs" onClick={() => session.signOut()}>
        {t('user.signOut')}
      </Button>
      <ChangeOwnPasswordModal opened={changing} onClose={() => setChanging(false)} />
    </>
  );
}
