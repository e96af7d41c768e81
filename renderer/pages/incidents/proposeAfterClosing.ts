import type { Store, Tiyn } from '../../../core';

/** What drafting the compensations of a just-closed incident gave. */
export type ProposalOutcome = { kind: 'drafted'; lines: number; excluded: number; amount: Tiyn } | { kind: 'failed'; error: unknown };

/** The operation id of the proposal that follows a record or close command: derived, so a repeat of that attempt repeats this one too. */
export function proposalOpId(opId: string): string {
  return `${opId}:propose`;
}

/**
 * Drafts the compensations of an incident that has just got its end
 * (domain-rules §6 proposeCompensations), so that no client has to claim
 * them: one `requested` line per affected subscription, waiting for a
 * manager. A refusal here does not undo the incident (it is recorded): it
 * is returned for the dialog to show.
 */
export async function proposeAfterClosing(store: Store, incidentId: string, opId: string): Promise<ProposalOutcome> {
  try {
    const lines = await store.proposeCompensations({ incidentId, opId: proposalOpId(opId) });
    return {
      kind: 'drafted',
      lines: lines.length,
      excluded: lines.filter((line) => line.quote.excluded).length,
      amount: lines.reduce((sum, line) => sum + line.quote.amount, 0),
    };
  } catch (error) {
    return { kind: 'failed', error };
  }
}
