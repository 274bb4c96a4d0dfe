import { useId, useState, type FormEvent } from "react";
import type {
  ApiEnvironmentView,
  SessionView,
  SignedOutReason,
} from "../../../shared/views";
import { useBridge } from "../bridge-context";
import { EnvironmentBadge } from "./environment-badge";
import { StorageNotice } from "./storage-notice";

const REASON_MESSAGES: Record<SignedOutReason, string | null> = {
  "not-signed-in": null,
  "signed-out": "You have signed out.",
  expired: "Your session has expired. Sign in again to continue.",
  unreadable:
    "The saved session could not be read, so you need to sign in again.",
};

interface SignInScreenProps {
  session: Extract<SessionView, { state: "signed-out" }>;
  environment: ApiEnvironmentView;
  /** Checks waiting in the offline queue until the rep signs in again. */
  waitingChecks: number;
  onSignedIn: (session: SessionView) => void;
}

export function SignInScreen(props: SignInScreenProps) {
  const bridge = useBridge();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const reasonMessage = REASON_MESSAGES[props.session.reason];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) {
      return;
    }
    if (email.trim() === "" || password === "") {
      setError("Enter your email and password.");
      return;
    }

    setSubmitting(true);
    setError(null);
    try {
      const result = await bridge.session.signIn({
        email: email.trim(),
        password,
      });
      if (result.ok) {
        props.onSignedIn(result.value);
        return;
      }
      setError(result.error.message);
      setPassword("");
    } catch (caught) {
      setError(
        `Sign-in failed: ${caught instanceof Error ? caught.message : String(caught)}`,
      );
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <main className="centered-page">
      <section className="card sign-in" aria-labelledby="sign-in-heading">
        <div className="sign-in__header">
          <p className="product-name">Field Credit Check</p>
          <EnvironmentBadge environment={props.environment} />
        </div>
        <h1 id="sign-in-heading">Sign in</h1>
        <p className="muted">
          Use your Kraken account to run deposit checks at the door.
        </p>

        {reasonMessage !== null && (
          <p className="notice notice--neutral">{reasonMessage}</p>
        )}
        {props.waitingChecks > 0 && (
          <p className="notice notice--info">
            Sign in to sync {props.waitingChecks}{" "}
            {props.waitingChecks === 1 ? "check" : "checks"}.
          </p>
        )}

        <form
          className="form"
          noValidate
          onSubmit={(event) => void handleSubmit(event)}
        >
          <div className="field">
            <label htmlFor="sign-in-email">Email</label>
            <input
              id="sign-in-email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-describedby={error === null ? undefined : errorId}
              aria-invalid={error === null ? undefined : true}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="sign-in-password">Password</label>
            <input
              id="sign-in-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-describedby={error === null ? undefined : errorId}
              aria-invalid={error === null ? undefined : true}
              required
            />
          </div>

          {error !== null && (
            <p id={errorId} className="form-error" role="alert">
              {error}
            </p>
          )}

          <button
            type="submit"
            className="button button--primary"
            disabled={submitting}
          >
            {submitting ? "Signing in…" : "Sign in"}
          </button>
        </form>

        <StorageNotice storage={props.session.storage} />
      </section>
    </main>
  );
}
