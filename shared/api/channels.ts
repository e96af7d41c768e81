import type { AppApi } from './app-api';

/**
 * One IPC channel per AppApi method. Kept apart from the zod schemas so that
 * the sandboxed preload bundle stays free of zod (it only forwards calls;
 * main validates every payload).
 */
export const APP_API_CHANNELS = {
  getAppInfo: 'app-api:get-app-info',
  setLanguage: 'app-api:set-language',
  saveFile: 'app-api:save-file',
  printToPdf: 'app-api:print-to-pdf',
  onMenuCommand: 'app-api:menu-command',
} as const satisfies { readonly [K in keyof AppApi]: string };

export type AppApiChannel = (typeof APP_API_CHANNELS)[keyof typeof APP_API_CHANNELS];

/** The hidden print window's two channels (electron/print-preload.ts), apart from AppApi: only that window uses them. */
export const PRINT_CHANNELS = {
  getPayload: 'print:get-payload',
  ready: 'print:ready',
} as const;
