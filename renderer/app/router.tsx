import { createHashRouter, Navigate } from 'react-router';
import { AccountEditPage, AccountNewPage } from '../pages/accounts/AccountFormPages';
import { AccountPage } from '../pages/accounts/AccountPage';
import { AccountsPage } from '../pages/accounts/AccountsPage';
import { CatalogPage } from '../pages/catalog/CatalogPage';
import { UpcomingSectionPage } from '../pages/sections/UpcomingSectionPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { AppLayout } from './AppLayout';

/** Hash routes: they work the same under Electron's app:// scheme and in browser mode. */
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to="/accounts" replace /> },
        { path: 'accounts', element: <AccountsPage /> },
        { path: 'accounts/new', element: <AccountNewPage /> },
        { path: 'accounts/:accountId', element: <AccountPage /> },
        { path: 'accounts/:accountId/edit', element: <AccountEditPage /> },
        { path: 'subscriptions', element: <UpcomingSectionPage section="subscriptions" /> },
        { path: 'catalog', element: <CatalogPage /> },
        { path: 'incidents', element: <UpcomingSectionPage section="incidents" /> },
        { path: 'tickets', element: <UpcomingSectionPage section="tickets" /> },
        { path: 'ledger', element: <UpcomingSectionPage section="ledger" /> },
        { path: 'reports', element: <UpcomingSectionPage section="reports" /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <Navigate to="/accounts" replace /> },
      ],
    },
  ]);
}
