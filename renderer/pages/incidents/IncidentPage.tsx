import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordHistory } from '../../components/RecordHistory';
import { RecordPageStatus } from '../../components/RecordPageStatus';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatInstant } from '../../i18n/format';
import { CloseIncidentModal } from './CloseIncidentModal';
import { CompensationSection } from './CompensationSection';
import { IncidentDetails } from './IncidentDetails';
import type { IncidentDetail } from './IncidentModel';

/**
 * One incident (`/incidents/:incidentId`): its facts in business time, the
 * planned-works notice, "close" while open, and its compensations
 * (domain-rules §4.3, §6): drafted when it is closed, or on request when
 * the draft is missing, then approved, rejected with a reason, or approved
 * with a duration agreed with the client. Everything is live.
 */
export function IncidentPage() {
  const { t } = useTranslation('compensations');
  const language = useUiLanguage();
  const store = useStore();
  const { incidentId = '' } = useParams();
  // null: not found; undefined: still loading.
  const detail = useLiveQuery(async () => (await store.getIncident(incidentId)) ?? null, [store, incidentId]);
  const [closing, setClosing] = useState(false);

  if (detail === undefined || detail === null) {
    return <RecordPageStatus loading={detail === undefined} notFound={t('page.notFound')} backTo="/incidents" backLabel={t('page.backToList')} />;
  }

  const { incident, service } = detail;
  const title = t('page.title', { service: service.name[language], start: formatInstant(incident.start) });
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/incidents" size="sm">
          {t('page.incidents')}
        </Anchor>
        <Text size="sm">{title}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm" align="center">
          <Title order={2}>{title}</Title>
          <Badge variant="light" color={detail.status === 'open' ? 'red' : 'gray'} tt="none" fw={600} size="lg">
            {t(`page.status.${detail.status}`)}
          </Badge>
        </Group>
        {detail.status === 'open' && <Button onClick={() => setClosing(true)}>{t('page.close')}</Button>}
      </Group>
      <IncidentDetails detail={detail} />
      <ProposalState detail={detail} />
      {detail.lines.length > 0 && <CompensationSection detail={detail} />}
      <RecordHistory entityId={incident.id} />
      <CloseIncidentModal incident={{ ...incident, serviceName: service.name }} opened={closing} onClose={() => setClosing(false)} />
    </Stack>
  );
}

/** What stands in for the compensation table when there is none: why, and "draft" when the draft is missing. */
function ProposalState({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation('compensations');
  const language = useUiLanguage();
  if (detail.proposal === 'proposed') return null;
  if (detail.proposal === 'not_applicable') return <Text c="dimmed">{t('page.notApplicable', { service: detail.service.name[language] })}</Text>;
  if (detail.status === 'open') return <Text c="dimmed">{t('page.openNote')}</Text>;
  if (detail.incident.subscriptionIds.length === 0) return <Text c="dimmed">{t('page.noneAffected')}</Text>;
  return <ProposeCompensations incidentId={detail.incident.id} />;
}

/** The incident is closed, the service compensates, and nothing was drafted (the draft after closing failed, or the incident predates it). */
function ProposeCompensations({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation('compensations');
  const language = useUiLanguage();
  const store = useStore();
  const mutation = useCommandMutation((_: void, opId) => store.proposeCompensations({ incidentId, opId }));
  return (
    <Alert color="blue" variant="light" title={t('page.proposeTitle')} role="region" aria-label={t('page.proposeTitle')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('page.proposeText')}</Text>
        <ErrorAlert message={mutation.isError ? commandErrorText(t, mutation.error, language) : null} />
        <Button onClick={() => mutation.submit()} loading={mutation.isPending} disabled={mutation.isPending}>
          {t('page.propose')}
        </Button>
      </Stack>
    </Alert>
  );
}
