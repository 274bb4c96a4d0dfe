import { useApolloClient } from "@apollo/client/react";
import { useCallback, useEffect, useState } from "react";
import type { SessionView } from "../../shared/views";
import { useBridge } from "./bridge-context";
import { CheckScreen } from "./components/check-screen";
import { LoadingScreen } from "./components/loading-screen";
import { QueuePanel } from "./components/queue-panel";
import { SessionBar } from "./components/session-bar";
import { SignInScreen } from "./components/sign-in-screen";
import { StartupError } from "./components/startup-error";
import { StorageNotice } from "./components/storage-notice";
import { useAppConfig } from "./hooks/use-app-config";
import { useConnection, useQueue, useSession } from "./hooks/use-bridge-views";
import { useCheckResultSync } from "./hooks/use-check-result-sync";

export function App() {
  const bridge = useBridge();
  const client = useApolloClient();
  const config = useAppConfig();
  const session = useSession();
  const queue = useQueue();
  const connection = useConnection();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  useCheckResultSync();

  const currentSession =
    session.state.status === "ready" ? session.state.value : null;
  const signedInEmail =
    currentSession?.state === "signed-in" ? currentSession.email : null;

  // Cached results belong to the rep who fetched them, so they are dropped at sign-out.
  useEffect(() => {
    if (signedInEmail === null) {
      void client.clearStore();
    }
  }, [client, signedInEmail]);

  const setSession = session.set;
  const handleSessionExpired = useCallback(() => {
    // Main also pushes session:changed. Switching here brings the rep to sign-in without
    // waiting for it.
    if (currentSession !== null) {
      setSession({
        state: "signed-out",
        reason: "expired",
        storage: currentSession.storage,
      });
    }
  }, [currentSession, setSession]);

  async function signOut() {
    setSigningOut(true);
    setSignOutError(null);
    try {
      const result = await bridge.session.signOut();
      if (result.ok) {
        setSession(result.value);
      } else {
        setSignOutError(result.error.message);
      }
    } catch (caught) {
      setSignOutError(`Sign-out failed: ${String(caught)}. Try again.`);
    } finally {
      setSigningOut(false);
    }
  }

  if (config.status === "failed") {
    return <StartupError message={config.message} />;
  }
  if (session.state.status === "failed") {
    return <StartupError message={session.state.message} />;
  }
  if (config.status === "loading" || currentSession === null) {
    return <LoadingScreen />;
  }

  const queueView = queue.state.status === "ready" ? queue.state.value : null;

  if (currentSession.state === "signed-out") {
    return (
      <SignInScreen
        session={currentSession}
        environment={config.config.environment}
        waitingChecks={queueView?.pausedForSignIn ? queueView.pendingCount : 0}
        onSignedIn={(next: SessionView) => setSession(next)}
      />
    );
  }

  return (
    <div className="app-shell">
      <SessionBar
        email={currentSession.email}
        environment={config.config.environment}
        connection={
          connection.state.status === "ready"
            ? connection.state.value.state
            : null
        }
        signingOut={signingOut}
        onSignOut={() => void signOut()}
      />
      {signOutError !== null && (
        <p className="notice notice--error app-shell__banner" role="alert">
          {signOutError}
        </p>
      )}
      <main className="workspace">
        <CheckScreen
          guidance={config.config.guidance}
          onSessionExpired={handleSessionExpired}
        />
        <div className="workspace__side">
          <QueuePanel
            queue={queueView}
            loadError={
              queue.state.status === "failed" ? queue.state.message : null
            }
            guidance={config.config.guidance}
            onQueueChanged={queue.set}
          />
          <StorageNotice storage={currentSession.storage} compact />
        </div>
      </main>
    </div>
  );
}
