import { Anchor, Badge, Breadcrumbs, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffMember } from '../../../shared/domain';
import { useClock, useStore } from '../../app/services';
import { useSignedInUser } from '../../app/session';
import { CardTable } from '../../components/CardTable';
import { SectionCard } from '../../components/SectionCard';
import { formatInstant } from '../../i18n/format';
import { StaffDialogs, type StaffDialog } from './StaffDialogs';

export const STAFF_PATH = '/settings/staff';

/**
 * The admin's staff screen (route /settings/staff, admin only): every
 * login with its role, state, lock and last sign-in; add a person, change a
 * role, deactivate or reactivate, set a new password. The core refuses what
 * must not happen (the last active admin, oneself) and the dialog says why.
 */
export function StaffPage() {
  const { t } = useTranslation('staff');
  const store = useStore();
  const clock = useClock();
  const me = useSignedInUser();
  const staff = useLiveQuery(() => store.listStaff(), [store]);
  const [dialog, setDialog] = useState<StaffDialog>(null);
  const nowMs = clock.now().getTime();
  const lockedUntil = (member: StaffMember) => (member.lockedUntil !== null && Date.parse(member.lockedUntil) > nowMs ? member.lockedUntil : null);

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/settings" size="sm">
          {t('common:nav.settings')}
        </Anchor>
        <Text size="sm">{t('title')}</Text>
      </Breadcrumbs>
      <Title order={2}>{t('title')}</Title>
      <Text maw={860}>{t('intro')}</Text>
      <SectionCard
        title={t('title')}
        actions={
          <Button variant="light" size="sm" onClick={() => setDialog({ kind: 'add' })}>
            {t('add.open')}
          </Button>
        }
      >
        <CardTable
          rows={staff}
          none={t('none')}
          label={t('tableLabel')}
          minWidth={960}
          head={
            <>
              <Table.Th>{t('columns.login')}</Table.Th>
              <Table.Th>{t('columns.name')}</Table.Th>
              <Table.Th>{t('columns.role')}</Table.Th>
              <Table.Th>{t('columns.status')}</Table.Th>
              <Table.Th>{t('columns.locked')}</Table.Th>
              <Table.Th>{t('columns.lastSignIn')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
              </Table.Th>
            </>
          }
        >
          {(member) => {
            const until = lockedUntil(member);
            const named = { name: member.name };
            return (
              <Table.Tr key={member.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{member.login}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <span>{member.name}</span>
                    {member.id === me?.id && (
                      <Badge variant="outline" color="gray" tt="none">
                        {t('you')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`domain:staffRole.${member.role}`)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={member.active ? 'teal' : 'gray'} tt="none" styles={{ label: { overflow: 'visible' } }}>
                    {t(member.active ? 'status.active' : 'status.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{until ? <Text c="red.8" size="sm">{t('lockedUntil', { at: formatInstant(until) })}</Text> : '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{member.lastSignInAt ? formatInstant(member.lastSignInAt) : <Text c="dimmed" size="sm">{t('never')}</Text>}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" justify="flex-end">
                    <Button size="compact-sm" variant="light" aria-label={t('role.openNamed', named)} onClick={() => setDialog({ kind: 'role', member })}>
                      {t('role.open')}
                    </Button>
                    <Button size="compact-sm" variant="light" aria-label={t('reset.openNamed', named)} onClick={() => setDialog({ kind: 'password', member })}>
                      {t('reset.open')}
                    </Button>
                    {/* Nobody deactivates themselves (the core refuses it too). */}
                    {member.id !== me?.id && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        color={member.active ? 'red' : 'teal'}
                        aria-label={t(member.active ? 'deactivate.openNamed' : 'activate.openNamed', named)}
                        onClick={() => setDialog({ kind: 'active', member })}
                      >
                        {t(member.active ? 'deactivate.open' : 'activate.open')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          }}
        </CardTable>
      </SectionCard>
      <StaffDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}
