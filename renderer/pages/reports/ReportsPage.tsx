import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { REPORT_KINDS, type ReportKind } from '../../../shared/domain';
import { DashboardPage } from './DashboardPage';
import { ReportView } from './ReportView';

const isKind = (value: string | undefined): value is ReportKind => (REPORT_KINDS as readonly string[]).includes(value ?? '');

/** The Reports section: the dashboard first, then one tab per report (`/reports/<kind>`). */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const navigate = useNavigate();
  const { kind } = useParams();
  if (kind !== undefined && !isKind(kind)) return <Navigate to="/reports" replace />;
  const current = kind ?? 'dashboard';
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Tabs value={current} onChange={(value) => value && navigate(value === 'dashboard' ? '/reports' : `/reports/${value}`)} aria-label={t('tabs.label')}>
        <Tabs.List>
          <Tabs.Tab value="dashboard">{t('tabs.dashboard')}</Tabs.Tab>
          {REPORT_KINDS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`kinds.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {kind === undefined ? <DashboardPage /> : <ReportView key={kind} kind={kind} />}
    </Stack>
  );
}
