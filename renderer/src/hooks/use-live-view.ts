import { useCallback, useEffect, useRef, useState } from "react";
import type { IpcResult } from "../../../shared/ipc-contract";

export type LiveViewState<T> =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; value: T };

export interface LiveView<T> {
  state: LiveViewState<T>;
  /** Replaces the view with one main returned from a request, e.g. after signing in. */
  set: (value: T) => void;
  /** Asks main for the current view again. */
  reload: () => void;
}

/**
 * Keeps a view that main owns (session, queue, connection) current: one request at mount, then
 * every pushed change. `load` and `subscribe` must be stable, as the bridge's functions are.
 */
export function useLiveView<T>(
  load: () => Promise<IpcResult<T>>,
  subscribe: (listener: (value: T) => void) => () => void,
  description: string,
): LiveView<T> {
  const [state, setState] = useState<LiveViewState<T>>({ status: "loading" });
  // Counts local updates so a slow `load` cannot overwrite a newer pushed or returned view.
  const version = useRef(0);

  const set = useCallback((value: T) => {
    version.current += 1;
    setState({ status: "ready", value });
  }, []);

  const reload = useCallback(() => {
    const startedAt = version.current;
    load().then(
      (result) => {
        if (version.current !== startedAt) {
          return;
        }
        version.current += 1;
        setState(
          result.ok
            ? { status: "ready", value: result.value }
            : { status: "failed", message: result.error.message },
        );
      },
      (error: unknown) => {
        if (version.current === startedAt) {
          setState({
            status: "failed",
            message: `Could not load the ${description}: ${String(error)}`,
          });
        }
      },
    );
  }, [load, description]);

  useEffect(() => {
    const unsubscribe = subscribe(set);
    reload();
    return () => {
      // Bumping the version drops the response of a request still in flight at unmount.
      version.current += 1;
      unsubscribe();
    };
  }, [subscribe, set, reload]);

  return { state, set, reload };
}
