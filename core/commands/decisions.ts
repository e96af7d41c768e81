import type { CommandTx } from '../tx';

/** A manager's decision on a request (refund, compensation): who decided, when, with what reason and entries. */
export function decision(tx: CommandTx, status: 'approved' | 'rejected', fields: { reason?: string | null; ledgerEntryIds?: string[] } = {}) {
  return {
    status,
    decidedAt: tx.meta.at,
    decidedBy: tx.meta.actor,
    ...(fields.reason === undefined ? {} : { decisionReason: fields.reason }),
    ...(fields.ledgerEntryIds === undefined ? {} : { ledgerEntryIds: fields.ledgerEntryIds }),
  };
}
