import { createContext, useContext, type ReactNode } from 'react';
import type { AppApi } from '../../shared/api';
import type { Store } from '../../core';

interface AppServices {
  store: Store;
  api: AppApi;
}

const AppServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider({ store, api, children }: AppServices & { children: ReactNode }) {
  return <AppServicesContext.Provider value={{ store, api }}>{children}</AppServicesContext.Provider>;
}

function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('AppServicesProvider is missing above this component');
  return services;
}

export function useStore(): Store {
  return useAppServices().store;
}

export function useAppApi(): AppApi {
  return useAppServices().api;
}
