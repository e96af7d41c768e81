import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppApi, MenuCommand } from '../shared/api/app-api';
import { APP_API_CHANNELS } from '../shared/api/channels';

/**
 * The preload runs sandboxed and exposes exactly AppApi as `window.api`:
 * one channel per method, no generic invoke/send, no Electron objects (the
 * IPC event never reaches the page). Main validates every payload.
 */
const api = {
  getAppInfo: () => ipcRenderer.invoke(APP_API_CHANNELS.getAppInfo),
  setLanguage: (lang) => ipcRenderer.invoke(APP_API_CHANNELS.setLanguage, lang),
  saveFile: (input) => ipcRenderer.invoke(APP_API_CHANNELS.saveFile, input),
  printToPdf: (input) => ipcRenderer.invoke(APP_API_CHANNELS.printToPdf, input),
  onMenuCommand: (listener) => {
    const forward = (_event: IpcRendererEvent, cmd: MenuCommand): void => listener(cmd);
    ipcRenderer.on(APP_API_CHANNELS.onMenuCommand, forward);
    return () => {
      ipcRenderer.removeListener(APP_API_CHANNELS.onMenuCommand, forward);
    };
  },
} satisfies AppApi;

contextBridge.exposeInMainWorld('api', api);
