import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../core';
import { ONE_LINE } from '../../components/virtualRows';
import { formatInstant } from '../../i18n/format';
import { countdownText, DEADLINE_COLOR, runningDeadline, stoppedText } from './ticketDeadline';

/** Which deadline runs and when, with "overdue"/"due within an hour" marked; or why none runs. */
export function DeadlineCell({ ticket, now }: { ticket: Ticket; now: number }) {
  const { t } = useTranslation('tickets');
  const deadline = runningDeadline(ticket, now);
  if (deadline === null) {
    const text = stoppedText(t, ticket);
    return (
      <Text size="sm" c="dimmed" style={ONE_LINE} title={text}>
        {text}
      </Text>
    );
  }
  const due = t(`deadline.${deadline.kind}Due`, { at: formatInstant(deadline.dueAt) });
  const countdown = countdownText(t, deadline, true);
  return (
    <div title={`${due}. ${countdownText(t, deadline)}`}>
      <Text size="sm" style={ONE_LINE} fw={deadline.state === 'ok' ? undefined : 600}>
        {due}
      </Text>
      <Group gap={6} wrap="nowrap">
        {deadline.state !== 'ok' && (
          <Badge size="sm" variant="filled" color={DEADLINE_COLOR[deadline.state]} tt="none" fw={600} styles={{ label: { overflow: 'visible' } }}>
            {t(`deadline.state.${deadline.state}`)}
          </Badge>
        )}
        <Text size="xs" c={deadline.state === 'ok' ? 'dimmed' : `${DEADLINE_COLOR[deadline.state]}.8`} style={ONE_LINE}>
          {countdown}
        </Text>
      </Group>
    </div>
  );
}
