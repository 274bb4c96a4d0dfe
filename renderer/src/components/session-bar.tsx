import type {
  ApiEnvironmentView,
  ConnectionState,
} from "../../../shared/views";
import { ConnectionIndicator } from "./connection-indicator";
import { EnvironmentBadge } from "./environment-badge";

interface SessionBarProps {
  email: string;
  environment: ApiEnvironmentView;
  connection: ConnectionState | null;
  signingOut: boolean;
  onSignOut: () => void;
}

export function SessionBar(props: SessionBarProps) {
  return (
    <header className="app-bar">
      <div className="app-bar__brand">
        <span className="product-name">Field Credit Check</span>
        <EnvironmentBadge environment={props.environment} />
      </div>
      <div className="app-bar__session">
        <ConnectionIndicator state={props.connection} />
        <span className="app-bar__user">
          Signed in as <strong>{props.email}</strong>
        </span>
        <button
          type="button"
          className="button button--quiet"
          onClick={props.onSignOut}
          disabled={props.signingOut}
        >
          {props.signingOut ? "Signing out…" : "Sign out"}
        </button>
      </div>
    </header>
  );
}
