export function percentile(samples: readonly number[], p: number): number;
