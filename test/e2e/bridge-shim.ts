/**
 * Stands in for the Electron preload in browser tests. Bundled into a page init script, it
 * exposes the same `createBridge` object the preload exposes, but its requests go to a
 * Playwright binding that calls the real IPC router in the test process.
 */

import {
  BRIDGE_GLOBAL_NAME,
  createBridge,
  type Invoke,
  type Subscribe,
} from "../../shared/bridge";
import type { IpcEventChannel } from "../../shared/ipc-contract";

/** Globals the harness adds: the binding it exposes and the event hook it calls. */
interface ShimGlobals {
  __fieldCreditCheckInvoke: (
    channel: string,
    payload: unknown,
  ) => Promise<unknown>;
  __fieldCreditCheckEmit?: (channel: IpcEventChannel, payload: unknown) => void;
}

const host = globalThis as typeof globalThis & ShimGlobals;
const listeners = new Map<IpcEventChannel, Set<(payload: unknown) => void>>();

const invoke: Invoke = (channel, payload) =>
  host.__fieldCreditCheckInvoke(channel, payload) as ReturnType<Invoke>;

const subscribe: Subscribe = (channel, listener) => {
  const channelListeners = listeners.get(channel) ?? new Set();
  listeners.set(channel, channelListeners);

  // The harness sends each payload on the channel whose contract type it matches.
  const untyped = listener as (payload: unknown) => void;
  channelListeners.add(untyped);
  return () => {
    channelListeners.delete(untyped);
  };
};

Object.defineProperty(host, "__fieldCreditCheckEmit", {
  value: (channel: IpcEventChannel, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) {
      listener(payload);
    }
  },
});

// Frozen like the object Electron's contextBridge hands to the page.
Object.defineProperty(host, BRIDGE_GLOBAL_NAME, {
  value: Object.freeze(createBridge(invoke, subscribe)),
});
