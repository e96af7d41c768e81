import type { AccountStatus, SubscriptionStatus } from '../../core';

const COLORS: Record<AccountStatus | SubscriptionStatus, string> = {
  active: 'teal',
  suspended: 'orange',
  closed: 'gray',
  pending_payment: 'yellow',
  cancelled: 'gray',
  expired: 'gray',
  deleted: 'red',
};

export function statusColor(status: AccountStatus | SubscriptionStatus): string {
  return COLORS[status];
}
