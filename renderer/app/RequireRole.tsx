import { Alert, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../shared/domain';
import { useCan, useSignedInUser } from './session';

/**
 * A route only `role` and above may use: for anyone else, a clear "not
 * allowed for your role" instead of the page (the core would refuse its
 * commands anyway). Links to such routes are hidden from lower roles; this
 * answers a typed address, a bookmark or a page left open by someone else.
 */
export function RequireRole({ role, children }: { role: StaffRole; children: ReactNode }) {
  const { t } = useTranslation('auth');
  const user = useSignedInUser();
  const allowed = useCan(role);
  if (allowed) return children;
  return (
    <Stack maw={760}>
      <Title order={2}>{t('notAllowed.title')}</Title>
      <Alert color="orange" variant="light" role="alert">
        {t('notAllowed.text', {
          role: t(`domain:staffRole.${role}`),
          name: user?.name ?? '',
          current: user ? t(`domain:staffRole.${user.role}`) : '',
        })}
      </Alert>
    </Stack>
  );
}
