import type { ApiEnvironmentView } from "../../../shared/views";

const LABELS: Record<ApiEnvironmentView["name"], string> = {
  sandbox: "Sandbox",
  test: "Test",
  production: "Production",
  custom: "Custom API",
};

/** Shows which Kraken the app talks to, so a rep never mistakes a sandbox result for a real one. */
export function EnvironmentBadge(props: { environment: ApiEnvironmentView }) {
  const { name, apiUrl } = props.environment;
  return (
    <span
      className={`environment-badge environment-badge--${name}`}
      title={apiUrl}
    >
      <span className="visually-hidden">Environment: </span>
      {LABELS[name]}
    </span>
  );
}
