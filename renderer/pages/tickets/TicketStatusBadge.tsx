import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../core';

const COLORS: Record<TicketStatus, string> = { open: 'blue', waiting_client: 'yellow', resolved: 'teal', closed: 'gray' };

/** A ticket's status as a coloured label, never truncated (Kazakh names are long). */
export function TicketStatusBadge({ status, size }: { status: TicketStatus; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} tt="none" fw={600} size={size} styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }}>
      {t(`domain:ticketStatus.${status}`)}
    </Badge>
  );
}
