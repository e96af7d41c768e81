import { QueryClient } from '@tanstack/react-query';

/**
 * react-query serves bridge calls and long jobs here, never the network:
 * `networkMode: 'always'`, or it would pause everything while the PC is offline.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
