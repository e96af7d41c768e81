// Types for scripts/sample/print-pdf.mjs.
import type { Browser } from 'playwright-core';
import type { PrintPayload } from '../../shared/api/print';

export declare const root: string;
export declare function ensureRenderer(options?: { rebuild?: boolean }): void;
export declare function loadDataset(): Promise<Record<string, (...args: never[]) => Promise<unknown>>>;
export declare function serveRenderer(): Promise<{ base: string; close(): Promise<void> }>;
export declare function launchChromium(): Promise<Browser>;
export declare function printPayload(browser: Browser, base: string, payload: PrintPayload, file: string): Promise<number>;
