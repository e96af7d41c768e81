import { createHashRouter, Navigate } from 'react-router';
import { AccountEditPage, AccountNewPage } from '../pages/accounts/AccountFormPages';
import { AccountPage } from '../pages/accounts/AccountPage';
import { AccountsPage } from '../pages/accounts/AccountsPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { DocumentsPage } from '../pages/documents/DocumentsPage';
import { CatalogPage } from '../pages/catalog/CatalogPage';
import { IncidentPage } from '../pages/incidents/IncidentPage';
import { IncidentsPage } from '../pages/incidents/IncidentsPage';
import { TicketPage } from '../pages/tickets/TicketPage';
import { TicketsPage } from '../pages/tickets/TicketsPage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { LedgerPage } from '../pages/ledger/LedgerPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { RefundsPage } from '../pages/subscriptions/RefundsPage';
import { RenewalsPage } from '../pages/subscriptions/RenewalsPage';
import { SubscriptionsPage } from '../pages/subscriptions/SubscriptionsPage';
import { AppLayout } from './AppLayout';
import { RequireRole } from './RequireRole';
import { StaffPage } from '../pages/staff/StaffPage';

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
        { path: 'subscriptions', element: <SubscriptionsPage /> },
        { path: 'subscriptions/refunds', element: <RefundsPage /> },
        { path: 'subscriptions/renewals', element: <RequireRole role="manager"><RenewalsPage /></RequireRole> },
        { path: 'catalog', element: <CatalogPage /> },
        { path: 'incidents', element: <IncidentsPage /> },
        { path: 'incidents/:incidentId', element: <IncidentPage /> },
        { path: 'tickets', element: <TicketsPage /> },
        { path: 'tickets/:ticketId', element: <TicketPage /> },
        { path: 'ledger', element: <LedgerPage /> },
        { path: 'documents', element: <DocumentsPage /> },
        { path: 'reports', element: <ReportsPage /> },
        { path: 'reports/:kind', element: <ReportsPage /> },
        { path: 'audit', element: <RequireRole role="manager"><AuditPage /></RequireRole> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'settings/staff', element: <RequireRole role="admin"><StaffPage /></RequireRole> },
        { path: '*', element: <Navigate to="/accounts" replace /> },
      ],
    },
  ]);
}
