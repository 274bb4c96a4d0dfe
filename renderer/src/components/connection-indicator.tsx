import type { ConnectionState } from "../../../shared/views";

const LABELS: Record<ConnectionState, string> = {
  online: "Online",
  offline: "Offline",
  checking: "Checking connection…",
};

/** The laptop's reachability to Kraken as main last probed it; null while still loading. */
export function ConnectionIndicator(props: { state: ConnectionState | null }) {
  const state = props.state ?? "checking";
  return (
    <span className={`connection connection--${state}`} role="status">
      <span className="connection__dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
