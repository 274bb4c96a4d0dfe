import { useState } from "react";
import type { GuidanceConfig } from "../../../shared/guidance-config";
import type { IpcResult } from "../../../shared/ipc-contract";
import type { QueueView } from "../../../shared/views";
import { useBridge } from "../bridge-context";
import { QueueItemRow } from "./queue-item-row";

interface QueuePanelProps {
  queue: QueueView | null;
  /** Set when main could not return the queue at start-up. */
  loadError: string | null;
  guidance: GuidanceConfig;
  onQueueChanged: (queue: QueueView) => void;
}

/** Checks made while offline, which main runs when Kraken is reachable again. */
export function QueuePanel(props: QueuePanelProps) {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const queue = props.queue;

  async function run(action: () => Promise<IpcResult<QueueView>>) {
    setBusy(true);
    setActionError(null);
    try {
      const result = await action();
      if (result.ok) {
        props.onQueueChanged(result.value);
      } else {
        setActionError(result.error.message);
      }
    } catch (caught) {
      setActionError(`The queue action failed: ${String(caught)}. Try again.`);
    } finally {
      setBusy(false);
    }
  }

  const pendingCount = queue?.pendingCount ?? 0;

  return (
    <aside className="queue card" aria-labelledby="queue-heading">
      <div className="queue__header">
        <div className="queue__title">
          <h2 id="queue-heading">Queued checks</h2>
          <span className="queue__count">{pendingCount} pending</span>
        </div>
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={busy || queue === null}
          onClick={() => void run(bridge.queue.sync)}
        >
          Sync now
        </button>
      </div>

      {queue?.recoveredFromCorruptFile && (
        <p className="notice notice--warning">
          The saved queue could not be read, so it was set aside and this list
          started empty. Run again any check you queued before.
        </p>
      )}
      {queue?.pausedForSignIn && pendingCount > 0 && (
        <p className="notice notice--info">
          Sign in to sync {pendingCount}{" "}
          {pendingCount === 1 ? "check" : "checks"}.
        </p>
      )}
      {actionError !== null && (
        <p className="notice notice--error" role="alert">
          {actionError}
        </p>
      )}

      {props.loadError !== null && (
        <p className="notice notice--error" role="alert">
          {props.loadError}
        </p>
      )}
      {queue === null && props.loadError === null && (
        <p className="muted">Loading queued checks…</p>
      )}
      {queue !== null && queue.items.length === 0 && (
        <p className="muted queue__empty">
          Nothing queued. A check made without a connection waits here and runs
          when the laptop is back online.
        </p>
      )}
      {queue !== null && queue.items.length > 0 && (
        <ul className="queue__list">
          {queue.items.map((item) => (
            <QueueItemRow
              key={item.id}
              item={item}
              guidance={props.guidance}
              busy={busy}
              onRetry={(id) => void run(() => bridge.queue.retry(id))}
              onDiscard={(id) => void run(() => bridge.queue.discard(id))}
            />
          ))}
        </ul>
      )}
    </aside>
  );
}
