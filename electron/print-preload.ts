import { contextBridge, ipcRenderer } from 'electron';
import { PRINT_CHANNELS } from '../shared/api/channels';
import type { PrintReady } from '../shared/api/print';

/**
 * The hidden print window's preload (sandboxed): print.html asks main for
 * the payload it was opened for and says when it is ready. Nothing else.
 */
contextBridge.exposeInMainWorld('esepPrint', {
  getPayload: (): Promise<unknown> => ipcRenderer.invoke(PRINT_CHANNELS.getPayload),
  ready: (result: PrintReady): void => ipcRenderer.send(PRINT_CHANNELS.ready, { ok: result.ok === true, ...(typeof result.message === 'string' ? { message: result.message } : {}) }),
});
