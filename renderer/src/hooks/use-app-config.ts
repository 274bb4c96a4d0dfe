import { useEffect, useState } from "react";
import type { AppConfigView } from "../../../shared/views";
import { useBridge } from "../bridge-context";

export type AppConfigState =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; config: AppConfigView };

/** Loads the guidance wording and API environment once, because main reads them at start-up. */
export function useAppConfig(): AppConfigState {
  const bridge = useBridge();
  const [state, setState] = useState<AppConfigState>({ status: "loading" });

  useEffect(() => {
    let active = true;
    bridge.app.getConfig().then(
      (result) => {
        if (!active) {
          return;
        }
        setState(
          result.ok
            ? { status: "ready", config: result.value }
            : { status: "failed", message: result.error.message },
        );
      },
      (error: unknown) => {
        if (active) {
          setState({
            status: "failed",
            message: `Could not load settings: ${String(error)}`,
          });
        }
      },
    );
    return () => {
      active = false;
    };
  }, [bridge]);

  return state;
}
