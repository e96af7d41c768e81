import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Shell } from '../../shared/api';
import { requestPersistentStorage } from '../../core';

/**
 * Whether the browser promised to keep the database under disk pressure
 * (`navigator.storage.persist()`), asked once at start (StartupGate awaits
 * it) and kept in the react-query cache for Settings.
 */
export type StoragePersistence = 'granted' | 'refused' | 'unsupported';

export async function requestStoragePersistence(storage: StorageManager | undefined): Promise<StoragePersistence> {
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    return (await requestPersistentStorage(storage)) ? 'granted' : 'refused';
  } catch (error) {
    // A failed request leaves the data as exposed as a refusal does.
    console.warn('Persistent storage request failed', error);
    return 'refused';
  }
}

export const storagePersistenceQuery = (storage: () => StorageManager | undefined = () => globalThis.navigator?.storage) =>
  queryOptions({
    queryKey: ['storage', 'persistence'],
    queryFn: () => requestStoragePersistence(storage()),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });

export function useStoragePersistence() {
  return useQuery(storagePersistenceQuery());
}

/** What Settings says about it: i18n keys of the `settings` namespace. */
export type PersistenceNotice =
  | { tone: 'calm'; text: 'storage.granted' }
  | {
      tone: 'warning';
      title: 'storage.refusedTitle' | 'storage.unsupportedTitle';
      text: 'storage.refusedText' | 'storage.unsupportedText';
      advice: 'storage.adviceElectron' | 'storage.adviceBrowser';
    };

export function persistenceNotice(status: StoragePersistence, shell: Shell): PersistenceNotice {
  if (status === 'granted') return { tone: 'calm', text: 'storage.granted' };
  const advice = shell === 'electron' ? 'storage.adviceElectron' : 'storage.adviceBrowser';
  return status === 'refused'
    ? { tone: 'warning', title: 'storage.refusedTitle', text: 'storage.refusedText', advice }
    : { tone: 'warning', title: 'storage.unsupportedTitle', text: 'storage.unsupportedText', advice };
}
