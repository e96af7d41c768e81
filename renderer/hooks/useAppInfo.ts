import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AppApi } from '../../shared/api';
import { useAppApi } from '../app/services';

export const appInfoQuery = (api: AppApi) => queryOptions({ queryKey: ['appInfo'], queryFn: () => api.getAppInfo() });

/** Name, version and shell from the bridge; asked once per window. */
export function useAppInfo() {
  return useQuery(appInfoQuery(useAppApi()));
}
