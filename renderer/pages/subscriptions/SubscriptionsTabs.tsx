import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../../app/session';

const TABS = [
  { value: '/subscriptions', key: 'tabs.list' },
  { value: '/subscriptions/refunds', key: 'tabs.refunds' },
  { value: '/subscriptions/renewals', key: 'tabs.renewals', manager: true },
] as const;

/** The Subscriptions section's three views: every subscription, the refunds register, the renewal runs. */
export function SubscriptionsTabs() {
  const { t } = useTranslation('subscriptions');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // Renewal runs are a manager's (§6): the tab is not offered to an operator.
  const canRenew = useCan('manager');
  return (
    <Tabs value={pathname} onChange={(value) => value && navigate(value)} aria-label={t('tabs.label')} mb="md">
      <Tabs.List>
        {TABS.filter((tab) => canRenew || !('manager' in tab)).map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {t(tab.key)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
