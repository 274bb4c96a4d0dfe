import type { SessionStorageView } from "../../../shared/views";

const REASONS = {
  "basic-text-keychain":
    "This system's keychain stores secrets as plain text, so the app keeps your session in " +
    "memory only.",
  "encryption-unavailable":
    "This system has no OS keychain to protect it, so the app keeps your session in memory only.",
} as const;

/** Explains why the rep must sign in again after quitting. Renders nothing for keychain storage. */
export function StorageNotice(props: {
  storage: SessionStorageView;
  compact?: boolean;
}) {
  const { storage } = props;
  if (storage.mode !== "memory") {
    return null;
  }
  return (
    <div
      className={
        props.compact
          ? "notice notice--info notice--compact"
          : "notice notice--info"
      }
    >
      <p className="notice__title">Your session is not kept after you quit</p>
      <p>
        {REASONS[storage.reason]} You will sign in again the next time you open
        the app.
      </p>
    </div>
  );
}
