import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { persistenceNotice, requestStoragePersistence, storagePersistenceQuery } from '../../renderer/app/persistentStorage';
import { createI18n } from '../../renderer/i18n/i18n';

const storage = (persist: () => Promise<boolean>, persisted: () => Promise<boolean> = async () => false) =>
  ({ persist: vi.fn(persist), persisted: vi.fn(persisted) }) as unknown as StorageManager & { persist: ReturnType<typeof vi.fn> };

describe('requestStoragePersistence', () => {
  it('is granted when the browser grants the request, or had already granted it', async () => {
    const asking = storage(async () => true);
    expect(await requestStoragePersistence(asking)).toBe('granted');
    expect(asking.persist).toHaveBeenCalledOnce();

    const already = storage(async () => false, async () => true);
    expect(await requestStoragePersistence(already)).toBe('granted');
    expect(already.persist).not.toHaveBeenCalled();
  });

  it('is refused when the browser says no, or the request fails', async () => {
    expect(await requestStoragePersistence(storage(async () => false))).toBe('refused');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await requestStoragePersistence(storage(async () => Promise.reject(new DOMException('no', 'InvalidStateError'))))).toBe('refused');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('is unsupported without navigator.storage or without persist()', async () => {
    expect(await requestStoragePersistence(undefined)).toBe('unsupported');
    expect(await requestStoragePersistence({ estimate: async () => ({}) } as unknown as StorageManager)).toBe('unsupported');
  });
});

describe('storagePersistenceQuery', () => {
  it('asks once and keeps the answer in the cache for Settings', async () => {
    const refusing = storage(async () => false);
    const client = new QueryClient();
    expect(await client.fetchQuery(storagePersistenceQuery(() => refusing))).toBe('refused');
    expect(await client.fetchQuery(storagePersistenceQuery(() => refusing))).toBe('refused');
    expect(refusing.persist).toHaveBeenCalledOnce();
    expect(client.getQueryData(storagePersistenceQuery().queryKey)).toBe('refused');
  });
});

describe('persistenceNotice', () => {
  it('says one calm line when granted, in either shell', () => {
    expect(persistenceNotice('granted', 'electron')).toEqual({ tone: 'calm', text: 'storage.granted' });
    expect(persistenceNotice('granted', 'browser')).toEqual({ tone: 'calm', text: 'storage.granted' });
  });

  it('warns when refused or unsupported, with advice for the shell the app runs in', () => {
    expect(persistenceNotice('refused', 'browser')).toEqual({ tone: 'warning', title: 'storage.refusedTitle', text: 'storage.refusedText', advice: 'storage.adviceBrowser' });
    expect(persistenceNotice('refused', 'electron')).toMatchObject({ tone: 'warning', advice: 'storage.adviceElectron' });
    expect(persistenceNotice('unsupported', 'browser')).toEqual({
      tone: 'warning',
      title: 'storage.unsupportedTitle',
      text: 'storage.unsupportedText',
      advice: 'storage.adviceBrowser',
    });
  });

  it('names keys that exist in both languages', () => {
    for (const lang of ['kk', 'ru'] as const) {
      const t = createI18n(lang, { react: false }).getFixedT(lang, 'settings');
      for (const status of ['granted', 'refused', 'unsupported'] as const) {
        for (const shell of ['electron', 'browser'] as const) {
          const notice = persistenceNotice(status, shell);
          const keys = notice.tone === 'calm' ? [notice.text] : [notice.title, notice.text, notice.advice];
          for (const key of keys) expect(t(key), `${lang} ${key}`).not.toBe(key);
        }
      }
    }
  });
});
