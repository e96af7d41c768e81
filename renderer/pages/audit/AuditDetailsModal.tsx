import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../core';
import { formatInstant } from '../../i18n/format';
import { AuditChanges } from './AuditChanges';
import { actorText, commandText } from './auditText';

/** One fact of the event: a dimmed label over its value. */
function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** The facts of an audit event (when, who, what, the operation) and what it changed, before and after. */
export function AuditEventBody({ row }: { row: AuditRow }) {
  const { t } = useTranslation('audit');
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Fact label={t('details.when')} value={formatInstant(row.at)} />
        <Fact label={t('details.who')} value={actorText(t, row.actor, row.actorName)} />
        <Fact label={t('details.operation')} value={row.operationId} />
      </SimpleGrid>
      <AuditChanges row={row} />
    </Stack>
  );
}

/** The details of the row chosen in the Audit section's table. */
export function AuditDetailsModal({ row, onClose }: { row: AuditRow | null; onClose: () => void }) {
  const { t } = useTranslation('audit');
  return (
    <Modal opened={row !== null} onClose={onClose} title={row === null ? '' : commandText(t, row.command)} size="xl" closeButtonProps={{ 'aria-label': t('details.close') }}>
      {row !== null && (
        <Stack gap="md">
          <AuditEventBody row={row} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('details.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
