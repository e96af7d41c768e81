import type { AppDatabase } from '../db';
import type { DemoOptions, DemoSummary } from '../types';

// Placeholder until the generator lands; keeps the public interface compiling.
export async function generateDemoData(_db: AppDatabase, _opts: DemoOptions & { today: Date }): Promise<DemoSummary> {
  throw new Error('generateDemoData: not implemented yet');
}
