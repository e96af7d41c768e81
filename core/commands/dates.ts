import { CommandError } from '../errors';
import type { CommandTx } from '../tx';

/** A command's business date is no later than today (§6); the range 2000–2099 is the input schema's. */
export function assertNotFuture(tx: CommandTx, date: string, field = 'date'): void {
  if (date > tx.meta.today) throw new CommandError('errors:date.future', { field, params: { today: tx.meta.today } });
}
