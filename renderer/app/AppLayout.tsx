import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { DemoDataProgress } from '../components/DemoDataProgress';
import { useBusinessToday } from '../hooks/useBusinessToday';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { formatDateWithWeekday } from '../i18n/format';
import { LanguageSwitch } from './LanguageSwitch';
import { sectionPath, sectionsFor } from './navigation';
import { RenewalReminder } from './RenewalReminder';
import { useSignedInUser } from './session';
import { UserMenu } from './UserMenu';
import { useMenuCommands } from './useMenuCommands';

export function AppLayout() {
  const { t } = useTranslation('common');
  const language = useUiLanguage();
  const today = useBusinessToday();
  const { pathname } = useLocation();
  const user = useSignedInUser();
  useMenuCommands();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: { base: 230, lg: 250 }, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Title order={1} size="h4" c="teal.8">
            {t('appName')}
          </Title>
          <Group gap="lg" wrap="nowrap">
            <Text size="sm" c="dimmed" data-testid="header-date">
              {formatDateWithWeekday(today, language)}
            </Text>
            <LanguageSwitch />
            {user && <UserMenu user={user} />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {sectionsFor(user?.role ?? 'operator').map((section) => {
          const path = sectionPath(section);
          const active = pathname === path || pathname.startsWith(`${path}/`);
          return (
            <NavLink
              key={section}
              component={Link}
              to={path}
              label={t(`nav.${section}`)}
              active={active}
              aria-current={active ? 'page' : undefined}
              variant="light"
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        <DemoDataProgress />
        <RenewalReminder />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
