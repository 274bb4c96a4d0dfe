import type {
  ConnectionView,
  QueueView,
  SessionView,
} from "../../../shared/views";
import { useBridge } from "../bridge-context";
import { useLiveView, type LiveView } from "./use-live-view";

export function useSession(): LiveView<SessionView> {
  const bridge = useBridge();
  return useLiveView(bridge.session.get, bridge.session.onChanged, "session");
}

export function useQueue(): LiveView<QueueView> {
  const bridge = useBridge();
  return useLiveView(bridge.queue.get, bridge.queue.onChanged, "queued checks");
}

export function useConnection(): LiveView<ConnectionView> {
  const bridge = useBridge();
  return useLiveView(
    bridge.connection.get,
    bridge.connection.onChanged,
    "connection state",
  );
}
