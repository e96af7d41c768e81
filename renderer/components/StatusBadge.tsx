import { Badge } from '@mantine/core';
import { statusColor } from './statusColor';
import type { AccountStatus, SubscriptionStatus } from '../../core';

/**
 * A status as a coloured label, never truncated: Kazakh status names are long
 * ("Тоқтатыла тұрған") and a clipped status is worse than a wider column.
 */
export function StatusBadge({ status, label }: { status: AccountStatus | SubscriptionStatus; label: string }) {
  return (
    <Badge variant="light" color={statusColor(status)} tt="none" fw={600} styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }}>
      {label}
    </Badge>
  );
}
