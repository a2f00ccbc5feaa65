import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './create-api';
import { ipcRendererTransport } from './ipc-renderer-transport';

contextBridge.exposeInMainWorld('api', createApi(ipcRendererTransport(ipcRenderer)));
