/**
 * The preload: exposes `window.fieldCreditCheck`, one function per message from the typed
 * contract. It never hands the renderer `ipcRenderer` or a way to name an arbitrary channel.
 */

import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import {
  BRIDGE_GLOBAL_NAME,
  createBridge,
  type Invoke,
  type Subscribe,
} from "../../shared/bridge";

const invoke: Invoke = (channel, payload) =>
  ipcRenderer.invoke(channel, payload);

const subscribe: Subscribe = (channel, listener) => {
  // The wrapper drops the event object, which would expose `sender` to the renderer.
  const wrapped = (
    _event: IpcRendererEvent,
    payload: Parameters<typeof listener>[0],
  ) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
};

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL_NAME,
  createBridge(invoke, subscribe),
);
