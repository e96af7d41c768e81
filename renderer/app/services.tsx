import { createContext, useContext, type ReactNode } from 'react';
import type { AppApi } from '../../shared/api';
import type { Clock, Store } from '../../core';

interface AppServices {
  store: Store;
  clock: Clock;
  api: AppApi;
}

const AppServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider({ store, clock, api, children }: AppServices & { children: ReactNode }) {
  return <AppServicesContext.Provider value={{ store, clock, api }}>{children}</AppServicesContext.Provider>;
}

function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('AppServicesProvider is missing above this component');
  return services;
}

export function useStore(): Store {
  return useAppServices().store;
}

/** The app's one clock (the store's too): 'now' and today's business date. */
export function useClock(): Clock {
  return useAppServices().clock;
}

export function useAppApi(): AppApi {
  return useAppServices().api;
}
