import { Accordion, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/session';
import { formatInstant } from '../i18n/format';
import { AuditEventBody } from '../pages/audit/AuditDetailsModal';
import { actorText, commandText, recordCountsText } from '../pages/audit/auditText';
import { useAuditPages } from '../pages/audit/useAuditPages';
import { SectionCard } from './SectionCard';

/** Events per page of a record's history. */
const PAGE_SIZE = 20;

/**
 * A record's History (issue 9 "Audit"): every operation that changed the
 * record or anything of it (an account: its subscriptions, entries,
 * refunds, compensations, tickets…), newest first, each opening to its
 * before/after differences in the user's language. For managers and admins,
 * like the Audit section; read only when opened (an account with years of
 * renewals has many events). Put it on any record's page:
 * `<RecordHistory entityId={ticket.id} />`.
 */
export function RecordHistory({ entityId }: { entityId: string }) {
  const { t } = useTranslation('audit');
  const allowed = useCan('manager');
  const [shown, setShown] = useState(false);
  if (!allowed) return null;
  return (
    <SectionCard
      title={t('history.title')}
      actions={
        <Button variant="default" size="xs" onClick={() => setShown(!shown)} aria-expanded={shown}>
          {shown ? t('history.hide') : t('history.show')}
        </Button>
      }
    >
      {shown && <HistoryList entityId={entityId} />}
    </SectionCard>
  );
}

function HistoryList({ entityId }: { entityId: string }) {
  const { t } = useTranslation('audit');
  const { rows, hasMore, loadMore } = useAuditPages({ entityId }, PAGE_SIZE);
  const [open, setOpen] = useState<string | null>(null);
  if (rows === undefined) {
    return (
      <Center p="md">
        <Loader size="sm" aria-label={t('common:loading')} />
      </Center>
    );
  }
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('history.none')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Accordion value={open} onChange={setOpen} variant="contained" chevronPosition="left" aria-label={t('history.label')}>
        {rows.map((row) => {
          const command = commandText(t, row.command);
          return (
            <Accordion.Item key={row.id} value={row.id}>
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={500}>
                    {command}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {formatInstant(row.at)} · {actorText(t, row.actor, row.actorName)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {recordCountsText(t, row)}
                </Text>
              </Accordion.Control>
              {/* Only the open event's changes are rendered: a renewal's event holds thousands. */}
              <Accordion.Panel>{open === row.id && <AuditEventBody row={row} />}</Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      {hasMore && (
        <Group>
          <Button variant="default" size="xs" onClick={loadMore}>
            {t('history.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
